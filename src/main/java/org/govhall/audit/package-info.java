/**
 * The tamper-evident audit log (审计日志): every privileged action (catalog publication, case
 * steps, calendar edits, accounts, logins, exports, supervision) as a row, sealed into a
 * SHA-256 hash chain, verified on demand and by command, with the chain head published
 * daily on the public transparency page (ADR 0010).
 */
@ApplicationModule(allowedDependencies = { "cases", "directory", "shared" })
@NullMarked
package org.govhall.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
