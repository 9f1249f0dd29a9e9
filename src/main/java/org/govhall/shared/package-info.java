/**
 * The tiny shared kernel: identity numbers, credit codes, region codes and the error
 * vocabulary every module speaks.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package org.govhall.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
