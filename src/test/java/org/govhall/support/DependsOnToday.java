package org.govhall.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test class that works from the suite's "today" instead of setting its own dates
 * (cases received today, deadlines counted from today). {@code mvn verify} runs these
 * classes again at other dates (executions {@code today-*} in pom.xml: a Sunday before
 * New Year, a day in a year whose calendar is not loaded), so that no test passes only in
 * some weeks of the year.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag(DependsOnToday.TAG)
public @interface DependsOnToday {

	String TAG = "today";

}
