package org.govhall.agency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.govhall.directory.ApplicantIdentity;
import org.govhall.directory.IdentityKind;
import org.jspecify.annotations.Nullable;

/**
 * An agent's authorisation (代办授权委托) as both sides see it: who acts for whom, for which
 * items, from when until when, and where it stands. The principal's identity number is
 * shown masked ({@link #principalNumberMasked}); the full number stays inside GovHall,
 * where filing compares it.
 *
 * @param state the stored state
 * @param status what it means on the day it was read: the state with what the date says
 * (not yet valid, expired)
 */
public record Authorisation(long id, String agentUsername, String agentName, IdentityKind principalKind,
		String principalName, String principalNumberMasked, List<String> itemCodes, LocalDate validFrom,
		LocalDate validUntil, State state, Instant requestedAt, @Nullable String decidedBy, @Nullable Instant decidedAt,
		@Nullable String endedBy, @Nullable Instant endedAt, Status status) {

	public Authorisation {
		itemCodes = List.copyOf(itemCodes);
	}

	/** Where an authorisation's life stands, as stored. */
	public enum State {

		REQUESTED, CONFIRMED, DECLINED, WITHDRAWN, REVOKED

	}

	/**
	 * What an authorisation means on a given day: only {@link #ACTIVE} lets the agent
	 * file.
	 */
	public enum Status {

		PENDING, ACTIVE, NOT_YET_VALID, EXPIRED, DECLINED, WITHDRAWN, REVOKED

	}

	static Status status(State state, LocalDate validFrom, LocalDate validUntil, LocalDate today) {
		return switch (state) {
			case REQUESTED -> Status.PENDING;
			case DECLINED -> Status.DECLINED;
			case WITHDRAWN -> Status.WITHDRAWN;
			case REVOKED -> Status.REVOKED;
			case CONFIRMED -> today.isBefore(validFrom) ? Status.NOT_YET_VALID
					: today.isAfter(validUntil) ? Status.EXPIRED : Status.ACTIVE;
		};
	}

	public boolean covers(String itemCode) {
		return itemCodes.contains(itemCode);
	}

	static String mask(IdentityKind kind, String number) {
		return new ApplicantIdentity(kind, "-", number).maskedNumber();
	}

}
