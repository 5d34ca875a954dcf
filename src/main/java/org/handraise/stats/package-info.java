/**
 * Manager statistics: the facts and daily roll-ups kept from events (write side:
 * {@code stats_*} tables, computed from the raw tables in the transaction of each change)
 * and the report, dashboard, API and CSV (read side). It listens to people, requests and
 * thanks, may use their APIs and shared, and is used by home.
 */
@ApplicationModule(displayName = "Statistics", allowedDependencies = { "people", "requests", "shared", "thanks" })
package org.handraise.stats;

import org.springframework.modulith.ApplicationModule;
