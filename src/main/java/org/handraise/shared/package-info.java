/**
 * Small value types and helpers every module uses (messages, validation, plain text,
 * labels, the error types, metrics), and the outbox's resubmission of incomplete event
 * publications ({@code shared.outbox}, internal). It knows no feature and depends on no
 * module.
 */
@ApplicationModule(displayName = "Shared kernel", allowedDependencies = {})
package org.handraise.shared;

import org.springframework.modulith.ApplicationModule;
