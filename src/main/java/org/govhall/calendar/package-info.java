/**
 * The working-day calendar (工作日历): each year's holidays (放假) and make-up working days
 * (调休上班) from the State Council's notice, editable without a release, and the only place
 * where working days are counted (行政许可法 第八十二条). Deadlines are values evaluated against it
 * and explain themselves.
 */
@ApplicationModule(allowedDependencies = { "directory", "shared" })
@NullMarked
package org.govhall.calendar;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
