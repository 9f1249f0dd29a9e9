/**
 * What every module runs on: persistence settings, the clock, security (login, CSRF,
 * headers, roles), RFC 9457 problem details in the requester's language, language and
 * elderly-mode preferences, and the shared page layout.
 */
@ApplicationModule(allowedDependencies = { "directory", "shared" })
@NullMarked
package org.govhall.system;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
