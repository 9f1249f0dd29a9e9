package org.govhall.catalog;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A county's record that it has not yet taken a delegated power on (尚未承接): why, by when
 * it means to, and who said so. While it stands, the city or province department still
 * handles the county's applicants, the guide says so, and supervision shows the power as
 * not taken on rather than as delegated but unused (放而不用).
 *
 * @param itemCode the delegated item of the city or province department
 * @param countyCode the county the power was delegated to
 * @param targetOn the day by which the county means to take the power on
 * @param markedBy the staff account that recorded it: in the audit log, not in the public
 * guide or API
 */
public record NotTakenOn(String itemCode, String countyCode, String reason, LocalDate targetOn,
		@JsonIgnore String markedBy, Instant markedAt) {
}
