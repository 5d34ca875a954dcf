/**
 * Sign-in and the web's protection: the filter chains, form and token sign-in, lockout
 * and throttling, sessions in the database, the profile and welcome pages. It may use
 * audit, people, requests (the welcome page's suggestions), shared, tokens and web;
 * nothing depends on it.
 */
@ApplicationModule(displayName = "Security",
		allowedDependencies = { "audit", "people", "requests", "shared", "tokens", "web" })
package org.handraise.security;

import org.springframework.modulith.ApplicationModule;
