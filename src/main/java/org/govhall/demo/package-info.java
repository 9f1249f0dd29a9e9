/**
 * Demo data for training and trying GovHall: the fictional province 示范省 with its cities, counties, departments,
 * halls, windows, one account per role and a published catalog. Loaded idempotently, only in demo mode.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "directory", "catalog", "cases", "supervision", "shared" })
@org.jspecify.annotations.NullMarked
package org.govhall.demo;
