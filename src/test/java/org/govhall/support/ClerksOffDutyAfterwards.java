package org.govhall.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The window clerks a test class opened go off duty once the class is done, so that the
 * departments' online cases go to the clerks the other classes of the shared application
 * ({@link GovHallTest}) expect: the city's comprehensive-window clerk {@code clerk}
 * first. The class itself keeps them on duty as long as it runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestExecutionListeners(listeners = ClerksOffDutyAfterwards.Listener.class,
		mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface ClerksOffDutyAfterwards {

	/** The logins of the clerks. */
	String[] value();

	/** Puts the clerks off duty after the test class. */
	final class Listener implements TestExecutionListener {

		@Override
		public void afterTestClass(TestContext testContext) {
			ClerksOffDutyAfterwards clerks = AnnotatedElementUtils.findMergedAnnotation(testContext.getTestClass(),
					ClerksOffDutyAfterwards.class);
			if (clerks == null || !testContext.hasApplicationContext()) {
				return;
			}
			testContext.getApplicationContext()
				.getBean(JdbcClient.class)
				.sql("UPDATE directory_account SET on_duty = FALSE WHERE username IN (:clerks)")
				.param("clerks", List.of(clerks.value()))
				.update();
		}

	}

}
