package org.govhall.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The result of walking the chain: intact with its length and head, or the first seq where it breaks and why.
 *
 * @param entries the sealed rows walked (up to the break)
 * @param headSeq the last sealed seq reached intact (0 for an empty chain)
 * @param headHash its hash ({@link ChainHash#GENESIS} for an empty chain)
 * @param headsChecked how many published heads were compared with the chain
 * @param unsealed rows recorded but not sealed yet (not part of the chain until the sealer runs)
 */
record Verification(boolean intact, long entries, long headSeq, String headHash, @Nullable Long brokenSeq,
		@Nullable Breach breach, @Nullable String explanation, int headsChecked, long unsealed, Instant checkedAt) {

	/** How the chain breaks. */
	enum Breach {

		/** A row's content, seq or hash no longer gives its stored hash: the row was altered. */
		HASH_MISMATCH,
		/** A seq is missing: a row was deleted (or unsealed). */
		SEQ_GAP,
		/** A row does not follow its predecessor: rows were reordered, or one was replaced. */
		PREV_MISMATCH,
		/** The chain no longer leads to a head published that day: it was rewritten after publication. */
		HEAD_MISMATCH,
		/** A published head lies beyond the end of the chain: rows were deleted at the end. */
		HEAD_MISSING

	}

	static Verification intact(long entries, long headSeq, String headHash, int headsChecked, long unsealed,
			Instant at) {
		return new Verification(true, entries, headSeq, headHash, null, null, null, headsChecked, unsealed, at);
	}

	static Verification broken(long entries, long headSeq, String headHash, long brokenSeq, Breach breach,
			String explanation, int headsChecked, long unsealed, Instant at) {
		return new Verification(false, entries, headSeq, headHash, brokenSeq, breach, explanation, headsChecked,
				unsealed, at);
	}

}
