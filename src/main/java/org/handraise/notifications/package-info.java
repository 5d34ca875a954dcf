/**
 * Notifications: who hears of what happened to the requests and notes they care about,
 * the inbox ({@code notifications}) and each person's email settings
 * ({@code notification_settings}). It listens to the events of requests
 * ({@code RequestActivity}) and thanks ({@code ThanksSent}) after their commit, through
 * the event publication registry, and is never called by them. It may use people
 * (contacts), requests and thanks (their events), shared and web.
 */
@ApplicationModule(displayName = "Notifications",
		allowedDependencies = { "people", "requests", "thanks", "shared", "web" })
package org.handraise.notifications;

import org.springframework.modulith.ApplicationModule;
