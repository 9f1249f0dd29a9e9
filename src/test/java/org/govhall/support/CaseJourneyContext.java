package org.govhall.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The running application that the browser journeys of a case share: the suite's shared
 * one ({@link GovHallTest}), demo data on H2, the test clock, no hourly deemed-acceptance
 * run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@GovHallTest
public @interface CaseJourneyContext {

}
