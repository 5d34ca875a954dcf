/**
 * The home page: a person's own requests, their mentor queue, the news since their last
 * visit and, for managers, the week's figures. It owns no data and reads through the APIs
 * of people, requests, stats and thanks; nothing depends on it.
 */
@ApplicationModule(displayName = "Home page", allowedDependencies = { "people", "requests", "stats", "thanks" })
package org.handraise.home;

import org.springframework.modulith.ApplicationModule;
