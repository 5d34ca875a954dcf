/**
 * The audit log: who did what to whom and when ({@code audit_events}), recorded by the
 * modules that act and shown on the administrators' audit page. It uses no other module's
 * API: it declares the ports {@code RequestTrail} and {@code ActorNames}, which requests
 * and people implement, for the request titles and actor names on its page.
 */
@ApplicationModule(displayName = "Audit log", allowedDependencies = {})
package org.handraise.audit;

import org.springframework.modulith.ApplicationModule;
