/**
 * The tamper-evident audit log (审计日志): every privileged action (catalog publication, case steps, calendar edits,
 * accounts, logins, exports, supervision) as a row, sealed into a SHA-256 hash chain, verified on demand and by
 * command, with the chain head published daily on the public transparency page (ADR 0010).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "cases", "directory", "shared" })
@org.jspecify.annotations.NullMarked
package org.govhall.audit;
