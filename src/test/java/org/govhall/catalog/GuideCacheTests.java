package org.govhall.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.govhall.directory.Directory;
import org.govhall.support.MovableClock;
import org.govhall.system.RepositoryTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ADR 0034: the node's memory of the guides in force. A guide is loaded once and used for
 * a second; after that the item's fingerprint decides, so that a change made on another
 * node (the item saved, a county's take-up marked), a change of the directory and a new
 * day are seen within a second, and a change on this node at once.
 */
@RepositoryTest
class GuideCacheTests {

	static final String CODE = "660100-SCJG-XK-901";

	@Autowired
	ServiceItems items;

	@Autowired
	JdbcClient jdbc;

	final MovableClock.Moving clock = MovableClock.at(Instant.parse("2026-09-30T02:00:00Z"));

	final Directory directory = mock(Directory.class);

	GuideCache cache;

	final AtomicInteger loads = new AtomicInteger();

	ServiceItem item;

	@BeforeEach
	void setUp() {
		given(directory.referenceRevision()).willReturn("r1");
		cache = new GuideCache(jdbc, directory, clock);
		item = items.save(ServiceItem.register(CODE, 3L, "660100", clock.instant()));
	}

	/**
	 * A loader that counts its calls and answers with no guide (the cache keeps that
	 * too).
	 */
	Supplier<Optional<ItemGuide>> loader() {
		return () -> {
			loads.incrementAndGet();
			return Optional.empty();
		};
	}

	int read() {
		cache.inForce(CODE, loader());
		return loads.get();
	}

	@Test
	void aGuideIsLoadedOnceAndCheckedAfterASecond() {
		assertThat(read()).isEqualTo(1);
		clock.advance(Duration.ofMillis(900));
		assertThat(read()).as("within the second").isEqualTo(1);
		clock.advance(Duration.ofMillis(200));
		assertThat(read()).as("checked: nothing moved").isEqualTo(1);
	}

	@Test
	void anItemSavedOnAnotherNodeIsSeenWithinASecond() {
		read();
		jdbc.sql("UPDATE catalog_service_item SET version = version + 1 WHERE code = :c").param("c", CODE).update();
		assertThat(read()).as("not checked within the second").isEqualTo(1);
		clock.advance(Duration.ofSeconds(1));
		assertThat(read()).as("the item's version moved").isEqualTo(2);
	}

	@Test
	void aCountysTakeUpMarkIsSeen() {
		read();
		jdbc.sql("""
				INSERT INTO catalog_delegation_pending (item_code, county_code, reason, target_on, marked_by, marked_at)
				VALUES (:c, '660102', '人员未到位', DATE '2026-12-31', 'countyadmin', :at)
				""").param("c", CODE).param("at", Timestamp.from(clock.instant())).update();
		clock.advance(Duration.ofSeconds(1));
		assertThat(read()).isEqualTo(2);
		// the mark replaced: the same count, a later time
		jdbc.sql("UPDATE catalog_delegation_pending SET marked_at = :at WHERE item_code = :c")
			.param("c", CODE)
			.param("at", Timestamp.from(clock.instant()))
			.update();
		clock.advance(Duration.ofSeconds(1));
		assertThat(read()).isEqualTo(3);
	}

	@Test
	void theDirectoryAndTheDayMoveIt() {
		read();
		given(directory.referenceRevision()).willReturn("r2");
		clock.advance(Duration.ofSeconds(1));
		assertThat(read()).as("a department renamed").isEqualTo(2);
		clock.advance(Duration.ofHours(24));
		assertThat(read()).as("a new day: an approved version may come into force").isEqualTo(3);
	}

	@Test
	void aWriteOnThisNodeIsSeenAtOnce() {
		read();
		cache.forget(CODE);
		assertThat(read()).isEqualTo(2);
	}

	@Test
	void anUnknownItemIsNotKept() {
		AtomicInteger unknown = new AtomicInteger();
		Supplier<Optional<ItemGuide>> load = () -> {
			unknown.incrementAndGet();
			return Optional.empty();
		};
		cache.inForce("660100-NONE-XK-000", load);
		cache.inForce("660100-NONE-XK-000", load);
		assertThat(unknown).hasValue(2);
	}

	@Test
	void atMostMaxGuidesAreKeptTheLeastRecentlyUsedDroppedFirst() {
		for (int i = 0; i < GuideCache.MAX; i++) {
			items.save(ServiceItem.register("660100-SCJG-XK-" + (1000 + i), 3L, "660100", clock.instant()));
		}
		read();
		for (int i = 0; i < GuideCache.MAX; i++) {
			cache.inForce("660100-SCJG-XK-" + (1000 + i), Optional::empty);
		}
		assertThat(read()).as("the first guide was the least recently used").isEqualTo(2);
	}

}
