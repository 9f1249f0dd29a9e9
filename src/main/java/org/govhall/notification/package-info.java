/**
 * Messages (通知) to applicants, agents and staff: every step of a case reaches its applicant or agent and its first
 * handler (首办负责), in-app first; SMS and e-mail can be added behind {@link Outbox}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "cases", "directory", "shared" })
@org.jspecify.annotations.NullMarked
package org.govhall.notification;
