/**
 * Messages (通知) to applicants, agents and staff: every step of a case reaches its
 * applicant or agent and its first handler (首办负责), as do the warnings and cards
 * supervision issues in the first handler's name; in-app first; SMS and e-mail can be
 * added behind {@link Outbox}.
 */
@ApplicationModule(allowedDependencies = { "cases", "directory", "supervision", "shared" })
@NullMarked
package org.govhall.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
