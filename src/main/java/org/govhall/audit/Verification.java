package org.govhall.audit;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The result of walking the whole chain and checking it against the latest signed head,
 * the head journal and the published heads: intact, or every breach found (ADR 0018; up
 * to {@link #LISTED} of them listed, all counted).
 *
 * @param entries the sealed rows before the first breach (all of them when intact)
 * @param headSeq the last seq of the chain as walked (0 for an empty chain)
 * @param headHash its hash ({@link ChainHash#GENESIS} for an empty chain)
 * @param brokenSeq the seq of the first breach
 * @param breach the kind of the first breach
 * @param explanation the first breach in words
 * @param headsChecked how many heads (signed, journal, published, expected) were compared
 * with the chain
 * @param unsealed rows recorded but not sealed yet (not part of the chain until the
 * sealer runs)
 * @param walked every sealed row walked
 * @param breaches the breaches in seq order, at most {@link #LISTED}
 * @param breachCount how many breaches there are in all
 * @param signedHead the latest signed head whose signature verifies, if any
 * @param sealerHalt why the sealer refuses to run, if it does
 */
record Verification(boolean intact, long entries, long headSeq, String headHash, @Nullable Long brokenSeq,
		@Nullable Breach breach, @Nullable String explanation, int headsChecked, long unsealed, Instant checkedAt,
		long walked, List<Finding> breaches, long breachCount, @Nullable SignedHead signedHead,
		@Nullable String sealerHalt) {

	/** How many breaches a verification lists; the rest are counted. */
	static final int LISTED = 1000;

	/** How the chain breaks. */
	enum Breach {

		/**
		 * A row's content, seq or hash no longer gives its stored hash: the row was
		 * altered.
		 */
		HASH_MISMATCH,
		/** A seq is missing: a row was deleted (or unsealed). */
		SEQ_GAP,
		/**
		 * A row does not follow its predecessor: rows were reordered, or one was
		 * replaced.
		 */
		PREV_MISMATCH,
		/**
		 * The chain no longer leads to a signed or published head: it was rewritten after
		 * the head was made.
		 */
		HEAD_MISMATCH,
		/**
		 * A signed or published head lies beyond the end of the chain: rows were deleted
		 * at the end.
		 */
		HEAD_MISSING,
		/**
		 * Rows that had been sealed lost their seq, hash or previous hash: someone tried
		 * to have them re-chained.
		 */
		SEAL_CLEARED,
		/**
		 * A head's signature does not verify with a trusted key: it was forged, or signed
		 * with another key.
		 */
		SIGNATURE_INVALID,
		/**
		 * The signing key beside the journal is not the pinned key (or is missing): it
		 * was substituted.
		 */
		KEY_MISMATCH

	}

	/** One breach: where and why. */
	record Finding(long seq, Breach breach, String explanation) {
	}

}
