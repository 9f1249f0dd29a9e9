package org.govhall.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.govhall.audit.AuditEntries.Link;
import org.govhall.audit.AuditEntries.Sealing;
import org.govhall.audit.Verification.Breach;
import org.govhall.audit.Verification.Finding;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hash chain over the audit rows (ADR 0010, ADR 0018): sealing appended rows in
 * order, signing a head after each seal and at least every minute, walking the chain to
 * verify it, and the daily publication of its head.
 *
 * <p>
 * The sealer never assigns a seq at or below one that was ever sealed and never re-chains
 * a row that had been sealed. Before each batch it compares the database with its
 * witnesses: the highest head in the journal beside the signing key and the highest
 * signed head in the database (both with a valid signature). A chain that ends before
 * them, no longer has their hash, holds rows whose seal was cleared, belongs to another
 * chain identity, or a key that is not the pinned one, makes it stop and raise the alarm
 * (ERROR log, {@code govhall.audit.sealer.halted}, the health indicator, the verification
 * and the transparency page) instead of sealing. Times of heads and seals come from the
 * real clock, never from the demo or test clock.
 */
@Service
class AuditChain {

	private static final Logger log = LoggerFactory.getLogger(AuditChain.class);

	/** An alarm is logged again at most this often while it lasts. */
	private static final Duration RELOG = Duration.ofMinutes(5);

	private final AuditEntries entries;

	private final TransactionTemplate transactions;

	private final Clock wallClock;

	private final HeadKeys keys;

	private final HeadJournal journal;

	private final ApplicationEventPublisher events;

	private final Duration headInterval;

	private final int pageSize;

	private final int sealBatch;

	private volatile @Nullable Verification last;

	private volatile @Nullable Halt halt;

	private volatile @Nullable Instant haltLogged;

	private volatile @Nullable SignedHead lastSigned;

	@Autowired
	AuditChain(AuditEntries entries, PlatformTransactionManager transactions, HeadKeys keys,
			ApplicationEventPublisher events, AuditSettings settings) {
		this(entries, transactions, Clock.systemUTC(), keys, events, settings.headInterval(), 1000, 500);
	}

	/**
	 * @param wallClock the real clock: heads and seals are timed by it, never by the
	 * application's (movable) clock
	 */
	AuditChain(AuditEntries entries, PlatformTransactionManager transactions, Clock wallClock, HeadKeys keys,
			ApplicationEventPublisher events, Duration headInterval, int pageSize, int sealBatch) {
		this.entries = entries;
		this.transactions = new TransactionTemplate(transactions);
		this.wallClock = wallClock;
		this.keys = keys;
		this.journal = new HeadJournal(keys.dir());
		this.events = events;
		this.headInterval = headInterval;
		this.pageSize = pageSize;
		this.sealBatch = sealBatch;
	}

	/**
	 * Seals every row appended so far, in id order, batch by batch: each gets the next
	 * seq after the last sealed row and its chained hash. A row whose transaction commits
	 * late is sealed by a later call, so seq has no gaps. Then, if anything was sealed or
	 * the last head is older than the head interval, signs and publishes the head.
	 * Nothing is sealed or signed while the witnesses say the chain was cut, rewritten or
	 * laundered.
	 * @return how many rows were sealed
	 */
	int seal() {
		int total = 0;
		for (int round = 0; round < 10_000; round++) {
			Batch batch = transactions.execute(status -> sealBatch());
			if (batch == null) {
				break;
			}
			if (batch.halt() != null) {
				halted(batch.halt());
				return total;
			}
			total += batch.sealed();
			if (batch.sealed() < sealBatch) {
				break;
			}
		}
		resumed();
		SignedHead previous = lastSigned;
		if (total > 0 || previous == null || !previous.signedAt().plus(headInterval).isAfter(wallClock.instant())) {
			signHead();
		}
		return total;
	}

	private Batch sealBatch() {
		entries.lockForSealing();
		Halt h = guard();
		if (h != null) {
			return new Batch(0, h);
		}
		List<AuditEntry> rows = entries.unsealed(sealBatch);
		if (rows.isEmpty()) {
			return new Batch(0, null);
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
		entries.seal(sealing, wallClock.instant());
		return new Batch(rows.size(), null);
	}

	/**
	 * Compares the database with the witnesses of what was sealed before; runs under the
	 * sealing lock. Creates the chain identity the first time.
	 * @return why the sealer must not run, or none
	 */
	private @Nullable Halt guard() {
		String keyProblem = keys.problem();
		if (keyProblem != null) {
			return new Halt(Halt.KEY, keyProblem);
		}
		boolean used = entries.anySealedOrSigned();
		List<String> journals = journal.chains();
		Optional<String> id = entries.chainId();
		String chain;
		if (id.isPresent()) {
			chain = id.get();
		}
		else {
			if (!journals.isEmpty() && (used || keys.pinned())) {
				return new Halt(Halt.CHAIN,
						"the database has no chain identity, but " + keys.dir() + " holds the head journal of chain "
								+ String.join(", ", journals) + ": the audit tables were replaced or emptied");
			}
			chain = UUID.randomUUID().toString();
			entries.createChain(chain, wallClock.instant());
			journal.start(chain);
			log.warn("audit: a new audit chain {} begins; its heads are journalled in {}", chain, journal.file(chain));
		}
		Optional<SignedHead> journalled = journal.highest(chain);
		if (journalled.isEmpty() && !journals.isEmpty() && !journals.contains(chain) && (used || keys.pinned())) {
			return new Halt(Halt.CHAIN,
					"no head journal in " + keys.dir() + " witnessed chain " + chain + ", but the journal of chain "
							+ String.join(", ", journals) + " is there: the chain identity was changed");
		}
		SignedHead witness = null;
		if (journalled.isPresent()) {
			String bad = keys.check(journalled.get());
			if (bad != null) {
				return new Halt(Halt.FORGED, "head journal " + journal.file(chain) + ": " + bad);
			}
			witness = journalled.get();
		}
		Optional<SignedHead> stored = entries.highestSignedHead();
		if (stored.isPresent()) {
			SignedHead s = stored.get();
			String bad = s.chain().equals(chain) ? keys.check(s)
					: "the signed head at seq " + s.seq() + " belongs to chain " + s.chain() + ", not " + chain;
			if (bad != null) {
				return new Halt(Halt.FORGED, bad);
			}
			if (witness == null || s.seq() > witness.seq()) {
				witness = s;
			}
		}
		long cleared = entries.clearedSeals();
		if (cleared > 0) {
			return new Halt(Halt.CLEARED, cleared + " row(s) had been sealed and lost their seq, hash or previous "
					+ "hash; sealing them again would re-chain them");
		}
		if (witness != null) {
			long end = entries.lastSealed().map(Link::seq).orElse(0L);
			if (end < witness.seq()) {
				return new Halt(Halt.TRUNCATED,
						"seq " + witness.seq() + " was sealed and its head signed at " + witness.signedAt()
								+ ", but the chain now ends at seq " + end
								+ ": rows at its end were deleted or their seal cleared");
			}
			String now = witness.seq() == 0 ? ChainHash.GENESIS : entries.hashAt(witness.seq()).orElse("");
			if (!now.equals(witness.hash())) {
				return new Halt(Halt.REWRITTEN, "the head signed at " + witness.signedAt() + " has hash "
						+ witness.hash() + " at seq " + witness.seq() + ", the chain now has " + now);
			}
		}
		return null;
	}

	/**
	 * Signs the current head with the real time (never earlier than the previous head's),
	 * stores it and publishes it (the {@link SignedHead} event goes to RabbitMQ when that
	 * is on), and appends it to the journal before the transaction commits: the journal
	 * may then hold a head the table lacks, never the reverse, and the head only states
	 * what sealing transactions had already committed.
	 */
	private void signHead() {
		SignedHead signed = transactions.execute(status -> {
			entries.lockForSealing();
			String chain = entries.chainId().orElse(null);
			if (chain == null || keys.problem() != null) {
				return null;
			}
			Link head = entries.lastSealed().orElse(new Link(0, ChainHash.GENESIS));
			Instant at = wallClock.instant().truncatedTo(ChronoUnit.MICROS);
			SignedHead before = entries.highestSignedHead().orElse(null);
			if (before != null && before.signedAt().isAfter(at)) {
				at = before.signedAt();
			}
			SignedHead h = keys.sign(chain, head.seq(), head.hash(), at);
			entries.insertSignedHead(h);
			events.publishEvent(h);
			journal.append(h);
			return h;
		});
		if (signed != null) {
			lastSigned = signed;
		}
	}

	/**
	 * Copies the database's highest signed head into this node's journal when its
	 * signature verifies and its seq is higher than the journal's; a journal of another
	 * chain is left alone (the sealer's guard speaks for it).
	 */
	void witness() {
		String chain = entries.chainId().orElse(null);
		SignedHead stored = entries.highestSignedHead().orElse(null);
		if (chain == null || stored == null || !stored.chain().equals(chain) || keys.check(stored) != null) {
			return;
		}
		List<String> journals = journal.chains();
		if (!journals.isEmpty() && !journals.contains(chain)) {
			return;
		}
		SignedHead mine = journal.highest(chain).orElse(null);
		if (mine == null || stored.seq() > mine.seq()) {
			journal.append(stored);
		}
	}

	private void halted(Halt h) {
		Halt before = halt;
		halt = h;
		Instant now = wallClock.instant();
		Instant logged = haltLogged;
		if (before == null || !before.equals(h) || logged == null || logged.plus(RELOG).isBefore(now)) {
			haltLogged = now;
			log.error("audit: the sealer REFUSES to run ({}): {}. Nothing is sealed or signed until the chain is "
					+ "restored; rows are still recorded, unsealed", h.code(), h.explanation());
		}
	}

	private void resumed() {
		if (halt != null) {
			log.warn("audit: the sealer runs again; it had stopped because {}", halt.explanation());
			halt = null;
		}
	}

	/** Why the sealer stopped at its last run, if it did. */
	Optional<Halt> halt() {
		return Optional.ofNullable(halt);
	}

	/** The head this node signed last, if any. */
	Optional<SignedHead> lastSigned() {
		return Optional.ofNullable(lastSigned);
	}

	HeadKeys keys() {
		return keys;
	}

	/** The latest signed heads, newest first. */
	List<SignedHead> signedHeads(int limit) {
		return entries.recentSignedHeads(limit);
	}

	/**
	 * Keeps every signed head of the last {@code retention} and one an hour before that
	 * (about 17,000 heads a day under continuous load would otherwise pile up; ADR 0018).
	 */
	int thinSignedHeads(Duration retention) {
		return entries.thinSignedHeads(wallClock.instant().minus(retention));
	}

	/**
	 * Seals what is pending, then records the head of the real day in the halls' zone,
	 * whatever the demo clock says.
	 */
	Optional<PublishedHead> publishDailyHead(ZoneId zone) {
		return publishHead(LocalDate.now(wallClock.withZone(zone)));
	}

	/**
	 * Seals what is pending, then records the day's head once; a second call on the same
	 * day changes nothing, and nothing is recorded while the sealer refuses to run.
	 */
	Optional<PublishedHead> publishHead(LocalDate day) {
		seal();
		if (halt != null) {
			return Optional.empty();
		}
		Link head = entries.lastSealed().orElse(new Link(0, ChainHash.GENESIS));
		if (!entries.publishHead(day, head, wallClock.instant())) {
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

	/** Walks the whole chain and checks it against every head. */
	Verification verify() {
		return verify(List.of());
	}

	/**
	 * Walks every sealed row by seq, page by page, and reports every breach: a missing
	 * seq, a row that does not follow its predecessor, a hash that its content no longer
	 * gives, rows whose seal was cleared, and a head the chain no longer leads to or ends
	 * before (tail truncation): the highest signed head in the database and in the
	 * journal (each with its signature checked), the daily heads and the expected ones.
	 * After a breach it goes on from the row as stored, so that one altered row is one
	 * breach.
	 * @param expected heads kept outside the database (e.g. copied from the transparency
	 * page) to check as well
	 */
	Verification verify(Collection<Link> expected) {
		Findings found = new Findings();
		List<Check> checks = new ArrayList<>();
		entries.heads().forEach(h -> checks.add(new Check(h.seq(), h.hash(), "published on " + h.date())));
		expected.forEach(h -> checks.add(new Check(h.seq(), h.hash(), "expected")));
		SignedHead signedHead = signedChecks(checks, found);
		checks.sort(Comparator.comparingLong(Check::seq));
		long unsealed = entries.unsealedCount();
		long cleared = entries.clearedSeals();
		if (cleared > 0) {
			found.add(0, Breach.SEAL_CLEARED, cleared + " row(s) had been sealed and lost their seq, hash or previous "
					+ "hash (the sealer refuses to chain them again)");
		}
		int next = 0;
		while (next < checks.size() && checks.get(next).seq() <= 0) {
			Check c = checks.get(next++);
			if (c.seq() < 0 || !c.hash().equals(ChainHash.GENESIS)) {
				found.add(0, Breach.HEAD_MISMATCH,
						"the head " + c.label() + " (seq " + c.seq() + ") is not the empty chain");
			}
		}
		long walked = 0;
		long intactPrefix = -1;
		long seq = 0;
		String prev = ChainHash.GENESIS;
		while (true) {
			List<AuditEntry> page = entries.sealedAfter(seq, pageSize);
			for (AuditEntry row : page) {
				long expectedSeq = seq + 1;
				long rowSeq = row.seq() == null ? -1 : row.seq();
				String stored = row.hash() == null ? "" : row.hash();
				int before = found.rowBreaches;
				if (rowSeq != expectedSeq) {
					found.row(expectedSeq, Breach.SEQ_GAP,
							(rowSeq - expectedSeq == 1 ? "seq " + expectedSeq + " is"
									: "seqs " + expectedSeq + " to " + (rowSeq - 1) + " are")
									+ " missing; the chain goes on at seq " + rowSeq);
					if (row.prevHash() == null || !ChainHash.of(row.prevHash(), row, rowSeq).equals(stored)) {
						found.row(rowSeq, Breach.HASH_MISMATCH,
								"the content of row " + rowSeq + " no longer gives its hash " + stored);
					}
				}
				else if (!prev.equals(row.prevHash())) {
					found.row(rowSeq, Breach.PREV_MISMATCH, "row " + rowSeq + " was chained after hash "
							+ row.prevHash() + ", but seq " + seq + " has hash " + prev);
				}
				else if (!ChainHash.of(prev, row, rowSeq).equals(stored)) {
					found.row(rowSeq, Breach.HASH_MISMATCH,
							"the content of row " + rowSeq + " no longer gives its hash " + stored);
				}
				if (found.rowBreaches > before && intactPrefix < 0) {
					intactPrefix = walked;
				}
				while (next < checks.size() && checks.get(next).seq() < rowSeq) {
					Check c = checks.get(next++);
					found.add(c.seq(), Breach.HEAD_MISMATCH,
							"the head " + c.label() + " is at seq " + c.seq() + ", which the chain no longer has");
				}
				while (next < checks.size() && checks.get(next).seq() == rowSeq) {
					Check c = checks.get(next++);
					if (!c.hash().equals(stored)) {
						found.add(rowSeq, Breach.HEAD_MISMATCH, "the head " + c.label() + " has hash " + c.hash()
								+ " at seq " + rowSeq + ", the chain now has " + stored);
					}
				}
				seq = rowSeq;
				prev = stored;
				walked++;
			}
			if (page.size() < pageSize) {
				break;
			}
		}
		if (next < checks.size()) {
			Check c = checks.get(checks.size() - 1);
			found.add(c.seq(), Breach.HEAD_MISSING, "the head " + c.label() + " is at seq " + c.seq()
					+ ", but the chain ends at seq " + seq + ": rows at its end were deleted");
		}
		Halt h = halt;
		List<Finding> listed = found.sorted();
		Instant now = wallClock.instant();
		Verification v;
		if (listed.isEmpty()) {
			v = new Verification(true, walked, seq, prev, null, null, null, checks.size(), unsealed, now, walked,
					List.of(), 0, signedHead, h == null ? null : h.explanation());
		}
		else {
			Finding first = listed.get(0);
			v = new Verification(false, intactPrefix < 0 ? walked : intactPrefix, seq, prev, first.seq(),
					first.breach(), first.explanation(), checks.size(), unsealed, now, walked, listed, found.count,
					signedHead, h == null ? null : h.explanation());
		}
		last = v;
		return v;
	}

	/**
	 * Adds the highest signed head of the database and of the journal to the checks when
	 * their signature verifies, and a breach when it does not or when the key beside the
	 * journal is not the pinned one.
	 * @return the latest signed head that verifies, if any
	 */
	private @Nullable SignedHead signedChecks(List<Check> checks, Findings found) {
		String keyProblem = keys.problem();
		if (keyProblem != null && (keys.pinned() || keys.publicKey() != null)) {
			found.add(0, Breach.KEY_MISMATCH, keyProblem);
		}
		String chain = entries.chainId().orElse(null);
		SignedHead valid = null;
		List<SignedHead> heads = new ArrayList<>();
		entries.highestSignedHead().ifPresent(heads::add);
		if (chain != null) {
			journal.highest(chain).ifPresent(heads::add);
		}
		else if (entries.anySealedOrSigned() || keys.pinned()) {
			// the sealer's guard refuses such a database; say what the journals witnessed
			for (String other : journal.chains()) {
				journal.highest(other)
					.filter(h -> keys.check(h) == null)
					.ifPresent(h -> found.add(h.seq(), Breach.HEAD_MISSING, "the head journal in " + keys.dir()
							+ " witnessed chain " + other + " up to seq " + h.seq() + " at " + h.signedAt()
							+ ", but the database holds no chain identity: its audit tables were replaced or emptied"));
			}
		}
		for (SignedHead head : heads) {
			String label = (heads.indexOf(head) == 0 ? "signed " : "journalled ")
					+ ChainHash.timestamp(head.signedAt());
			String bad = chain != null && !head.chain().equals(chain)
					? "the signed head at seq " + head.seq() + " belongs to chain " + head.chain() + ", not " + chain
					: keys.check(head);
			if (bad != null) {
				found.add(head.seq(), Breach.SIGNATURE_INVALID, bad);
				continue;
			}
			checks.add(new Check(head.seq(), head.hash(), label));
			if (valid == null || head.seq() > valid.seq()
					|| head.seq() == valid.seq() && head.signedAt().isAfter(valid.signedAt())) {
				valid = head;
			}
		}
		return valid;
	}

	private record Check(long seq, String hash, String label) {
	}

	private record Batch(int sealed, @Nullable Halt halt) {
	}

	/**
	 * The breaches found so far: all counted, the first {@link Verification#LISTED} kept.
	 */
	private static final class Findings {

		private final List<Finding> list = new ArrayList<>();

		private long count;

		private int rowBreaches;

		void add(long seq, Breach breach, String explanation) {
			count++;
			if (list.size() < Verification.LISTED) {
				list.add(new Finding(seq, breach, explanation));
			}
		}

		void row(long seq, Breach breach, String explanation) {
			rowBreaches++;
			add(seq, breach, explanation);
		}

		List<Finding> sorted() {
			List<Finding> sorted = new ArrayList<>(list);
			sorted.sort(Comparator.comparingLong(Finding::seq));
			return List.copyOf(sorted);
		}

	}

	/**
	 * Why the sealer refuses to run.
	 *
	 * @param code {@code KEY}, {@code CHAIN}, {@code FORGED}, {@code CLEARED},
	 * {@code TRUNCATED} or {@code REWRITTEN}; the pages name it in words
	 * ({@code audit.halt.<code>})
	 */
	record Halt(String code, String explanation) {

		static final String KEY = "KEY";

		static final String CHAIN = "CHAIN";

		static final String FORGED = "FORGED";

		static final String CLEARED = "CLEARED";

		static final String TRUNCATED = "TRUNCATED";

		static final String REWRITTEN = "REWRITTEN";

	}

}
