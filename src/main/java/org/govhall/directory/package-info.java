/**
 * The organization directory: regions (省/市/县), departments and public utilities with
 * their approval divisions (审批处/科), service halls (政务大厅) and their windows, and the
 * accounts of staff and applicants with roles and a scope. Reference data, kept
 * PetClinic-style: controller, façade, repository.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package org.govhall.directory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
