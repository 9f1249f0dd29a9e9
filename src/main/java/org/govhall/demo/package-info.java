/**
 * Demo data for training and trying GovHall: the fictional province 示范省 with its cities,
 * counties, departments, halls, windows, one account per role and a published catalog,
 * some of whose materials come with a blank form and a filled-in sample. Loaded
 * idempotently, only in demo mode.
 */
@ApplicationModule(
		allowedDependencies = { "agency", "directory", "catalog", "cases", "supervision", "documents", "shared" })
@NullMarked
package org.govhall.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
