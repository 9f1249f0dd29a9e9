package org.govhall.audit;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.govhall.directory.GovHallUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chain's signed and published heads with the public key for anyone, and its
 * verification for the province's system administrators.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The tamper-evident audit log (审计日志): verification and published chain heads")
class AuditApi {

	private final AuditChain chain;

	private final AuditAccess access;

	AuditApi(AuditChain chain, AuditAccess access) {
		this.chain = chain;
		this.access = access;
	}

	@GetMapping("/verification")
	@Operation(summary = "Walk the whole hash chain and check it against the latest signed head, the head journal "
			+ "and every published head; every breach (edits, gaps, cut tail, cleared seals, bad signatures) or OK "
			+ "(provincial system administrator)")
	Verification verification(@AuthenticationPrincipal GovHallUser user) {
		access.requireProvincialAdmin(user);
		return chain.verify();
	}

	@GetMapping("/head")
	@Operation(summary = "The latest chain head signed with the Ed25519 key kept outside the database (seq, hash, "
			+ "real time, signature, the exact signed text) and the public key to check it with; a new one at least "
			+ "every minute (ADR 0018)")
	HeadView head() {
		return HeadView.of(chain);
	}

	@GetMapping("/heads")
	@Operation(summary = "The chain head recorded each day (date, seq, SHA-256), newest first; keep a copy to check "
			+ "the log later")
	List<PublishedHead> heads() {
		return chain.heads();
	}

}
