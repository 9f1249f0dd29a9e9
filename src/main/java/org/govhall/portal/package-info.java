/**
 * The public portal (门户): search and browse the catalog by department, region, item type and life event, read a
 * service guide (办事指南) and its version history, and find halls and windows. No login needed.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "catalog", "directory", "shared" })
@org.jspecify.annotations.NullMarked
package org.govhall.portal;
