package org.govhall.cases;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.govhall.directory.IdentityKind;
import org.jspecify.annotations.Nullable;

/**
 * What the application form shows again after a refusal: the typed fields, the files
 * already uploaded (per material index), so that the applicant does not choose them
 * again, and at a window the originals ticked as checked.
 */
record CasePageApplication(String token, @Nullable IdentityKind applicantKind, @Nullable String applicantName,
		@Nullable String applicantNumber, @Nullable String phone, @Nullable String authDocumentName,
		@Nullable String authValidUntil, Map<Integer, List<Kept>> kept, @Nullable Kept authFile,
		Set<Integer> originals) {

	CasePageApplication {
		originals = originals == null ? Set.of() : Set.copyOf(originals);
	}

	static CasePageApplication blank(String token) {
		return new CasePageApplication(token, IdentityKind.RESIDENT_ID, null, null, null, null, null, Map.of(), null,
				Set.of());
	}

	/**
	 * Whether the clerk ticked the original of the material at {@code index} as checked
	 * (原件核验).
	 */
	public boolean originalSeen(int index) {
		return originals.contains(index);
	}

	/** The files kept for the material at {@code index}. */
	public List<Kept> keptFor(int index) {
		return kept.getOrDefault(index, List.of());
	}

	/** An uploaded file: its storage id and name. */
	record Kept(String fileId, String name) {
	}

}
