/**
 * Help requests: the {@code HelpRequest} aggregate with its offers and history, every
 * transition and its rules, the lists, the mentor queue and the request pages and API. It
 * publishes {@code RequestChanged} and answers other modules through its services and
 * view records (headlines, participants, news), and implements the ports that people
 * ({@code OpenClaims}) and audit ({@code RequestTrail}) declare for what they need of
 * requests. It may use people (authors and helpers are {@code Person}s), audit (for those
 * ports), shared and web.
 */
@ApplicationModule(displayName = "Help requests", allowedDependencies = { "people", "audit", "shared", "web" })
package org.handraise.requests;

import org.springframework.modulith.ApplicationModule;
