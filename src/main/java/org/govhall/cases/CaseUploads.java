package org.govhall.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.govhall.directory.GovHallUser;
import org.govhall.cases.CaseRecords.SubmittedMaterial;
import org.govhall.directory.Role;
import org.govhall.shared.InvalidInputException;
import org.govhall.shared.QuotaExceededException;
import org.govhall.storage.Storage;
import org.govhall.storage.StoredFile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Files uploaded for cases (issue 12, item 6): who uploaded them, a quota per account and
 * day (files and bytes; an applicant's small, a window clerk's or an agent's, who upload
 * for many, larger), and the removal of an upload that no case named within
 * {@link #KEPT_UNATTACHED}, with its bytes. A file is attached when a submission, a
 * correction or an agent's authorization names it, in that step's transaction.
 */
@Component
class CaseUploads {

	static final Duration KEPT_UNATTACHED = Duration.ofHours(24);

	private static final int REMOVED_PER_RUN = 1000;

	private final JdbcClient jdbc;

	private final Storage storage;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final Quota applicant;

	private final Quota intermediary;

	CaseUploads(JdbcClient jdbc, Storage storage, Clock clock, TransactionTemplate tx, CasesSettings settings) {
		this.jdbc = jdbc;
		this.storage = storage;
		this.clock = clock;
		this.tx = tx;
		this.applicant = new Quota(settings.uploadQuota().applicantFiles(), settings.uploadQuota().applicantSize());
		this.intermediary = new Quota(settings.uploadQuota().intermediaryFiles(),
				settings.uploadQuota().intermediarySize());
	}

	/** An account's daily allowance. */
	record Quota(int files, DataSize size) {
	}

	/**
	 * Stores the file if today's quota of the uploader allows it (429
	 * {@code upload-quota} otherwise). A file the storage refuses (type, size, empty) is
	 * refused first and does not count.
	 */
	StoredFile store(String fileName, byte[] content, GovHallUser user) {
		storage.check(fileName, content);
		Quota quota = user.scope().hasAny(Role.WINDOW_CLERK, Role.AGENT) ? intermediary : applicant;
		LocalDate day = LocalDate.now(clock);
		openDay(user.accountId(), day);
		return tx.execute(status -> {
			int granted = jdbc.sql("""
					UPDATE cases_upload_quota SET files = files + 1, bytes = bytes + :size
					WHERE account_id = :a AND quota_day = :d AND files + 1 <= :files AND bytes + :size <= :bytes
					""")
				.param("size", (long) content.length)
				.param("a", user.accountId())
				.param("d", day)
				.param("files", quota.files())
				.param("bytes", quota.size().toBytes())
				.update();
			if (granted == 0) {
				throw new QuotaExceededException("upload-quota", "error.upload.quota", quota.files(),
						quota.size().toMegabytes());
			}
			StoredFile file = storage.store(fileName, content);
			jdbc.sql("INSERT INTO cases_upload (file_id, account_id, created_at, size) VALUES (:f, :a, :at, :size)")
				.param("f", file.id())
				.param("a", user.accountId())
				.param("at", Timestamp.from(clock.instant()))
				.param("size", file.size())
				.update();
			return file;
		});
	}

	/** The account's row for the day, made once; two nodes making it at once keep one. */
	private void openDay(long account, LocalDate day) {
		boolean open = jdbc.sql("SELECT COUNT(*) FROM cases_upload_quota WHERE account_id = :a AND quota_day = :d")
			.param("a", account)
			.param("d", day)
			.query(Long.class)
			.single() > 0;
		if (open) {
			return;
		}
		try {
			tx.executeWithoutResult(status -> jdbc
				.sql("INSERT INTO cases_upload_quota (account_id, quota_day, files, bytes) VALUES (:a, :d, 0, 0)")
				.param("a", account)
				.param("d", day)
				.update());
		}
		catch (DuplicateKeyException ex) {
			// another request opened the day first
		}
	}

	/**
	 * Marks the uploader's file as handed in with a case, in the caller's transaction;
	 * false when the file is not this account's upload, or was removed as unattached (a
	 * removal and an attachment never both succeed).
	 */
	boolean attach(String fileId, long accountId) {
		return jdbc.sql("""
				UPDATE cases_upload SET attached_at = COALESCE(attached_at, :now)
				WHERE file_id = :f AND account_id = :a
				""")
			.param("now", Timestamp.from(clock.instant()))
			.param("f", fileId)
			.param("a", accountId)
			.update() == 1;
	}

	/**
	 * Deletes the uploads that no case named within 24 hours of their upload, their
	 * records and bytes.
	 */
	int removeUnattached() {
		List<String> ids = jdbc.sql("""
				SELECT file_id FROM cases_upload WHERE attached_at IS NULL AND created_at < :cutoff
				ORDER BY created_at FETCH FIRST %d ROWS ONLY
				""".formatted(REMOVED_PER_RUN))
			.param("cutoff", Timestamp.from(clock.instant().minus(KEPT_UNATTACHED)))
			.query(String.class)
			.list();
		int removed = 0;
		for (String id : ids) {
			Boolean done = tx.execute(status -> {
				if (jdbc.sql("DELETE FROM cases_upload WHERE file_id = :f AND attached_at IS NULL")
					.param("f", id)
					.update() == 0) {
					return false;
				}
				storage.delete(id);
				return true;
			});
			if (Boolean.TRUE.equals(done)) {
				removed++;
			}
		}
		return removed;
	}

	/**
	 * Files the user uploaded, handed in as the materials they name in correction round
	 * {@code round}: each must be one of the item's materials (400) and the user's own
	 * upload (400), which it now attaches.
	 */
	List<SubmittedMaterial> handedIn(List<SubmitCase.MaterialFile> files, CaseTerms terms, GovHallUser user, Now now,
			int round) {
		List<SubmittedMaterial> list = new ArrayList<>();
		for (SubmitCase.MaterialFile f : files) {
			if (terms.materials().stream().noneMatch(m -> m.name().equals(f.material()))) {
				throw new InvalidInputException("unknown-material", "error.case.unknownMaterial", "materials",
						f.material());
			}
			StoredFile file = ownUpload(f.fileId(), user);
			list.add(new SubmittedMaterial(f.material(), file.id(), file.name(), file.sha256(), user.getUsername(),
					now.at(), round));
		}
		return list;
	}

	/**
	 * The user's own upload, attached to the case in the step's transaction (kept from
	 * then on).
	 */
	/** The user's own upload, now attached to what names it; 400 for any other file. */
	StoredFile ownUpload(String fileId, GovHallUser user) {
		if (!attach(fileId, user.accountId())) {
			throw new InvalidInputException("unknown-file", "error.case.unknownFile", "fileId", fileId);
		}
		return storage.find(fileId)
			.orElseThrow(() -> new InvalidInputException("unknown-file", "error.case.unknownFile", "fileId", fileId));
	}

}
