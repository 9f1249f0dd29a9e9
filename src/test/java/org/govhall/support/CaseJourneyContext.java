package org.govhall.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The running application that the browser journeys of a case share (one Spring context): demo data on H2, the test
 * clock without the training clock on top, no hourly deemed-acceptance run, uploads under target/test-files.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "govhall.demo.enabled=true", "govhall.storage.dir=target/test-files/case-browser",
				"govhall.cases.deemed-acceptance-cron=-", "govhall.demo.training-clock=false" })
@ActiveProfiles("h2")
public @interface CaseJourneyContext {

}
