/**
 * Personal access tokens for the API ({@code access_tokens}): making, listing, revoking
 * and looking them up by hash. A token holds its owner's id and reads the owner (a
 * {@code Person}) read-only; it may use audit, people and shared, and is used by
 * security.
 */
@ApplicationModule(displayName = "Access tokens", allowedDependencies = { "audit", "people", "shared" })
package org.handraise.tokens;

import org.springframework.modulith.ApplicationModule;
