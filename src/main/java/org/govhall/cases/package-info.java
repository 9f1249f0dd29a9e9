/**
 * Case handling (办件): intake online, at a window or through an agent (代办); acceptance
 * with a one-time notice of corrections (一次性告知) or refusal; instant items (即办件); review
 * with joint review by several departments (联审联办); extension and suspension of the clock;
 * decision and delivery — each step on the statutory working-day clock of 行政许可法
 * 第三十二、四十二、四十四、四十五条. A case keeps the terms of the item version it was applied under.
 */
@ApplicationModule(
		allowedDependencies = { "agency", "catalog", "calendar", "directory", "storage", "documents", "shared" })
@NullMarked
package org.govhall.cases;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
