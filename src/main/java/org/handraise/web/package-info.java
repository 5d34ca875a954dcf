/**
 * What every page and API answer shares and no feature owns: error handling, layout
 * advice, paging, request limits, static resources, texts and times. Used by the
 * features' web packages; it may use audit (refused requests are recorded) and shared.
 */
@ApplicationModule(displayName = "Web support", allowedDependencies = { "audit", "shared" })
package org.handraise.web;

import org.springframework.modulith.ApplicationModule;
