/**
 * The service catalog (权力清单/办事指南): every item (事项) with its legal bases, type,
 * department, levels and delegations to counties, materials, fees and time limits,
 * versioned from draft through review to publication. No item and no fee is published
 * without a legal basis.
 */
@ApplicationModule(allowedDependencies = { "directory", "storage", "calendar", "shared" })
@NullMarked
package org.govhall.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
