package org.govhall.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.govhall.audit.AuditEntries.Link;
import org.govhall.audit.AuditEntries.Sealing;
import org.govhall.audit.Verification.Breach;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hash chain over the audit rows: sealing appended rows in order, walking the chain to verify it, and the daily
 * publication of its head (ADR 0010).
 */
@Service
class AuditChain {

	private final AuditEntries entries;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final int pageSize;

	private final int sealBatch;

	private volatile @Nullable Verification last;

	@Autowired
	AuditChain(AuditEntries entries, PlatformTransactionManager transactions, Clock clock) {
		this(entries, transactions, clock, 1000, 500);
	}

	AuditChain(AuditEntries entries, PlatformTransactionManager transactions, Clock clock, int pageSize,
			int sealBatch) {
		this.entries = entries;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.pageSize = pageSize;
		this.sealBatch = sealBatch;
	}

	/**
	 * Seals every row appended so far, in id order, batch by batch: each gets the next seq after the last sealed row
	 * and its chained hash. A row whose transaction commits late is sealed by a later call, so seq has no gaps.
	 *
	 * @return how many rows were sealed
	 */
	int seal() {
		int total = 0;
		for (int round = 0; round < 10_000; round++) {
			Integer sealed = transactions.execute(status -> sealBatch());
			total += sealed == null ? 0 : sealed;
			if (sealed == null || sealed < sealBatch) {
				break;
			}
		}
		return total;
	}

	private int sealBatch() {
		entries.lockForSealing();
		List<AuditEntry> rows = entries.unsealed(sealBatch);
		if (rows.isEmpty()) {
			return 0;
		}
		Link head = entries.lastSealed().orElse(new Link(0, ChainHash.GENESIS));
		long seq = head.seq();
		String prev = head.hash();
		List<Sealing> sealing = new ArrayList<>(rows.size());
		for (AuditEntry row : rows) {
			seq++;
			String hash = ChainHash.of(prev, row, seq);
			sealing.add(new Sealing(row.id(), seq, prev, hash));
			prev = hash;
		}
		entries.seal(sealing, clock.instant());
		return rows.size();
	}

	/** Seals what is pending, then records today's head once; a second call on the same day changes nothing. */
	Optional<PublishedHead> publishHead(LocalDate day) {
		seal();
		Link head = entries.lastSealed().orElse(new Link(0, ChainHash.GENESIS));
		if (!entries.publishHead(day, head, clock.instant())) {
			return Optional.empty();
		}
		return entries.heads().stream().filter(h -> h.date().equals(day)).findFirst();
	}

	List<PublishedHead> heads() {
		return entries.heads();
	}

	/** The last verification this node ran, if any. */
	Optional<Verification> lastVerification() {
		return Optional.ofNullable(last);
	}

	/** Walks the sealed chain and every published head. */
	Verification verify() {
		return verify(List.of());
	}

	/**
	 * Walks the sealed rows by seq, page by page, and stops at the first row that breaks the chain: a missing seq, a
	 * row that does not follow its predecessor, a hash that its content no longer gives, or a published (or
	 * expected) head the chain no longer leads to.
	 *
	 * @param expected heads kept outside the database (e.g. copied from the transparency page) to check as well
	 */
	Verification verify(Collection<Link> expected) {
		List<Check> checks = new ArrayList<>();
		entries.heads().forEach(h -> checks.add(new Check(h.seq(), h.hash(), "published on " + h.date())));
		expected.forEach(h -> checks.add(new Check(h.seq(), h.hash(), "expected")));
		checks.sort(Comparator.comparingLong(Check::seq));
		long unsealed = entries.unsealedCount();
		int next = 0;
		long entriesWalked = 0;
		long seq = 0;
		String prev = ChainHash.GENESIS;
		while (next < checks.size() && checks.get(next).seq() <= 0) {
			Check c = checks.get(next++);
			if (c.seq() < 0 || !c.hash().equals(ChainHash.GENESIS)) {
				return done(Verification.broken(0, 0, prev, c.seq(), Breach.HEAD_MISMATCH,
						"the head " + c.label() + " (seq " + c.seq() + ") is not the empty chain", next, unsealed,
						clock.instant()));
			}
		}
		while (true) {
			List<AuditEntry> page = entries.sealedAfter(seq, pageSize);
			for (AuditEntry row : page) {
				long expectedSeq = seq + 1;
				long rowSeq = row.seq() == null ? -1 : row.seq();
				Breach breach = null;
				String why = null;
				if (rowSeq != expectedSeq) {
					breach = Breach.SEQ_GAP;
					why = "seq " + expectedSeq + " is missing; the chain goes on at seq " + rowSeq;
				}
				else if (!prev.equals(row.prevHash())) {
					breach = Breach.PREV_MISMATCH;
					why = "row " + rowSeq + " was chained after hash " + row.prevHash() + ", but seq " + seq
							+ " has hash " + prev;
				}
				else if (!ChainHash.of(prev, row, rowSeq).equals(row.hash())) {
					breach = Breach.HASH_MISMATCH;
					why = "the content of row " + rowSeq + " no longer gives its hash " + row.hash();
				}
				if (breach != null) {
					return done(Verification.broken(entriesWalked, seq, prev, expectedSeq, breach, why, next,
							unsealed, clock.instant()));
				}
				while (next < checks.size() && checks.get(next).seq() == rowSeq) {
					Check c = checks.get(next++);
					if (!c.hash().equals(row.hash())) {
						return done(Verification.broken(entriesWalked, seq, prev, rowSeq, Breach.HEAD_MISMATCH,
								"the head " + c.label() + " has hash " + c.hash() + " at seq " + rowSeq
										+ ", the chain now has " + row.hash(),
								next, unsealed, clock.instant()));
					}
				}
				seq = rowSeq;
				prev = row.hash();
				entriesWalked++;
			}
			if (page.size() < pageSize) {
				break;
			}
		}
		if (next < checks.size()) {
			Check c = checks.get(next);
			return done(Verification.broken(entriesWalked, seq, prev, c.seq(), Breach.HEAD_MISSING,
					"the head " + c.label() + " is at seq " + c.seq() + ", but the chain ends at seq " + seq,
					next + 1, unsealed, clock.instant()));
		}
		return done(Verification.intact(entriesWalked, seq, prev, checks.size(), unsealed, clock.instant()));
	}

	private Verification done(Verification v) {
		last = v;
		return v;
	}

	private record Check(long seq, String hash, String label) {
	}

}
