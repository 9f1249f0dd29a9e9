package org.govhall.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the {@code audit} module (ADR 0018, ADR 0028). The schedules of the
 * sealer, the witness, the daily head and the failed-login summary
 * ({@code govhall.audit.*-cron}) stay in their {@code @Scheduled} placeholders.
 *
 * @param keyDir the directory of the head-signing Ed25519 key and the head journal
 * (GOVHALL_AUDIT_KEY_DIR)
 * @param publicKey the pinned public halves of the key (the Base64 body of
 * {@code audit-head-ed25519.pub}), comma-separated during a rotation
 * (GOVHALL_AUDIT_PUBLIC_KEY); with a pin no key is ever created
 * @param keyCreate whether a missing key is created; unset: only when no public key is
 * pinned
 * @param headInterval how often the sealer signs a head
 * @param headRetention how long every signed head is kept; older ones are thinned to one
 * an hour
 * @param expect heads kept outside the database that the verification command also
 * checks, {@code SEQ:HASH[,…]}
 */
@ConfigurationProperties("govhall.audit")
record AuditSettings(@DefaultValue("./data/audit-key") Path keyDir, @DefaultValue("") String publicKey,
		@Nullable Boolean keyCreate, @DefaultValue("PT50S") Duration headInterval,
		@DefaultValue("P30D") Duration headRetention, @DefaultValue("") String expect) {

	/** The pinned public keys. */
	List<String> pins() {
		return Arrays.stream(publicKey.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	/**
	 * Whether a missing key may be created: as {@code key-create} says, or when no key is
	 * pinned.
	 */
	boolean mayCreateKey() {
		return keyCreate != null ? keyCreate : pins().isEmpty();
	}

}
