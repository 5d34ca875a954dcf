/**
 * Thank-you notes ({@code thank_you_notes}): sending them, the wall, and who may read
 * which; a note refers to its request by id. It publishes {@code ThanksSent} and may use
 * people, requests (participants and headlines), shared and web.
 */
@ApplicationModule(displayName = "Thank-you notes", allowedDependencies = { "people", "requests", "shared", "web" })
package org.handraise.thanks;

import org.springframework.modulith.ApplicationModule;
