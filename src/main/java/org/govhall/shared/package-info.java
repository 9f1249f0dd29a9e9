/**
 * The tiny shared kernel: identity numbers, credit codes, region codes and the error vocabulary every module speaks.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package org.govhall.shared;
