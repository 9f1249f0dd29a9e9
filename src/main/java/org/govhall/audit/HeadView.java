package org.govhall.audit;

import org.jspecify.annotations.Nullable;

/**
 * The latest signed head as a witness outside GovHall fetches it: the head, the exact
 * text that was signed, and the public key (Base64 of X.509 SubjectPublicKeyInfo, and as
 * PEM) to check the signature with.
 *
 * @param pinned whether this node's key is pinned by configuration (production)
 * @param sealerHalted why the sealer refuses to run (a code: CLEARED, TRUNCATED,
 * REWRITTEN, FORGED, CHAIN, KEY), if it does
 */
record HeadView(@Nullable SignedHead head, @Nullable String message, @Nullable String publicKey,
		@Nullable String publicKeyPem, @Nullable String keyId, boolean pinned, @Nullable String sealerHalted) {

	static HeadView of(AuditChain chain) {
		SignedHead head = chain.signedHeads(1).stream().findFirst().orElse(null);
		HeadKeys keys = chain.keys();
		return new HeadView(head, head == null ? null : head.message(), keys.publicKeyBase64(), keys.publicKeyPem(),
				keys.keyId(), keys.pinned(), chain.halt().map(AuditChain.Halt::code).orElse(null));
	}

}
