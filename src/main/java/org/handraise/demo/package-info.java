/**
 * Demo data for the embedded default (H2): the demo cast, their requests, offers and
 * thank-you notes, seeded on an empty database through the owning modules' APIs. It may
 * use people, requests and thanks, and nothing depends on it.
 */
@ApplicationModule(displayName = "Demo data", allowedDependencies = { "people", "requests", "thanks" })
package org.handraise.demo;

import org.springframework.modulith.ApplicationModule;
