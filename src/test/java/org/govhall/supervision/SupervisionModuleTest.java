package org.govhall.supervision;

import org.junit.jupiter.api.parallel.ResourceLock;
import org.govhall.support.ContextLocks;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.govhall.cases.DocumentsOwed;
import org.govhall.catalog.Catalog;
import org.govhall.catalog.DelegationTakeUp;
import org.govhall.directory.Directory;
import org.govhall.documents.Documents;
import org.govhall.support.ModuleSlice;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The supervision module alone, as the cases module's events reach it: its own beans on
 * its own tables, the working calendar with the official schedules the migrations load
 * (supervision counts working days), and the other modules it calls mocked (directory,
 * catalog, documents, the cases module's owed documents). Every class with this
 * annotation shares one context; the nightly run starts only when a test calls it, a
 * clock stops for at most 60 days, and the decision stage turns yellow 5 working days
 * before its due date (the other stages at the default 2, SupervisionReevaluationTests).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationModuleTest(extraIncludes = "calendar", webEnvironment = WebEnvironment.NONE)
@ActiveProfiles("h2")
@TestPropertySource(properties = { "govhall.supervision.daily-cron=-", "govhall.supervision.max-suspension-days=60",
		"govhall.supervision.yellow-days.decision=5" })
@Import(ModuleSlice.class)
@MockitoBean(types = { Directory.class, Catalog.class, DelegationTakeUp.class, Documents.class, DocumentsOwed.class })
@ResourceLock(providers = ContextLocks.class)
@interface SupervisionModuleTest {

}
