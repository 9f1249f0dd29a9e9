/**
 * The public portal (门户): search and browse the catalog by department, region, item type
 * and life event, read a service guide (办事指南) and its version history, and find halls and
 * windows. No login needed.
 */
@ApplicationModule(allowedDependencies = { "catalog", "directory", "shared" })
@NullMarked
package org.govhall.portal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
