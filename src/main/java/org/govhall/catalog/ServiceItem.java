package org.govhall.catalog;

import java.time.Instant;
import java.time.LocalDate;

import org.govhall.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * An item (事项) of a department: its stable code and where its lifecycle stands. Its
 * content lives in {@link ItemVersion}s; the published one is what the public sees.
 */
class ServiceItem {

	@Id
	private @Nullable Long id;

	private final String code;

	private final Long departmentId;

	private final String regionCode;

	private ItemStatus status;

	private @Nullable Integer publishedVersion;

	/**
	 * A version approved to take effect on a later date; until then
	 * {@link #publishedVersion} stays in force.
	 */
	private @Nullable Integer upcomingVersion;

	private @Nullable LocalDate endedOn;

	private @Nullable String endDocument;

	private @Nullable String endReason;

	private final Instant createdAt;

	@Version
	private @Nullable Integer version;

	ServiceItem(@Nullable Long id, String code, Long departmentId, String regionCode, ItemStatus status,
			@Nullable Integer publishedVersion, @Nullable LocalDate endedOn, @Nullable String endDocument,
			@Nullable String endReason, Instant createdAt, @Nullable Integer version) {
		this.id = id;
		this.code = code;
		this.departmentId = departmentId;
		this.regionCode = regionCode;
		this.status = status;
		this.publishedVersion = publishedVersion;
		this.endedOn = endedOn;
		this.endDocument = endDocument;
		this.endReason = endReason;
		this.createdAt = createdAt;
		this.version = version;
	}

	static ServiceItem register(String code, Long departmentId, String regionCode, Instant now) {
		return new ServiceItem(null, code, departmentId, regionCode, ItemStatus.ACTIVE, null, null, null, null, now,
				null);
	}

	void published(int versionNo) {
		requireActive();
		this.publishedVersion = versionNo;
		this.upcomingVersion = null;
	}

	/**
	 * Records a version approved to take effect later (待施行); a version still waiting is
	 * replaced.
	 */
	void upcoming(int versionNo) {
		requireActive();
		this.upcomingVersion = versionNo;
	}

	@Nullable Integer upcomingVersion() {
		return upcomingVersion;
	}

	/**
	 * Abolishes (取消) or delegates away (下放) the item as of a date, by a document; its
	 * guide stays public.
	 */
	void end(ItemStatus newStatus, LocalDate on, String document, @Nullable String reason) {
		requireActive();
		if (newStatus == ItemStatus.ACTIVE) {
			throw new IllegalArgumentException("an item ends as abolished or delegated away");
		}
		this.status = newStatus;
		this.endedOn = on;
		this.endDocument = document;
		this.endReason = reason;
	}

	void requireActive() {
		if (status != ItemStatus.ACTIVE) {
			throw new RuleViolationException("item-ended", "error.item.ended", code);
		}
	}

	Long id() {
		if (id == null) {
			throw new IllegalStateException("item not saved yet");
		}
		return id;
	}

	String code() {
		return code;
	}

	Long departmentId() {
		return departmentId;
	}

	String regionCode() {
		return regionCode;
	}

	ItemStatus status() {
		return status;
	}

	@Nullable Integer publishedVersion() {
		return publishedVersion;
	}

	@Nullable LocalDate endedOn() {
		return endedOn;
	}

	@Nullable String endDocument() {
		return endDocument;
	}

	@Nullable String endReason() {
		return endReason;
	}

}
