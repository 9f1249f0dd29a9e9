package org.govhall.cases;

import java.util.List;

import org.govhall.cases.CaseRecords.CorrectionNotice;
import org.govhall.cases.CaseRecords.Decision;
import org.govhall.cases.CaseRecords.Delivery;
import org.govhall.cases.CaseRecords.ExtensionRecord;
import org.govhall.cases.CaseRecords.Opinion;
import org.govhall.cases.CaseRecords.OriginalSeen;
import org.govhall.cases.CaseRecords.Refusal;
import org.govhall.cases.CaseRecords.Review;
import org.govhall.cases.CaseRecords.SubmittedMaterial;
import org.govhall.cases.CaseRecords.SuspensionRecord;
import org.govhall.cases.CaseRecords.FeeRecord;
import org.govhall.cases.CaseRecords.Handover;
import org.govhall.cases.CaseRecords.ProcedureAct;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a case that no query looks into, kept together as one JSON document in the
 * case row (ADR 0009): one row written per transition.
 */
record CaseDocument(List<SubmittedMaterial> materials, List<CorrectionNotice> notices, @Nullable Refusal refusal,
		List<SuspensionRecord> suspensions, List<ExtensionRecord> extensions, List<Opinion> opinions,
		@Nullable Review review, @Nullable Decision decision, @Nullable Delivery delivery, List<FeeRecord> fees,
		@Nullable List<OriginalSeen> originalsSeen, @Nullable List<Handover> handovers,
		@Nullable List<ProcedureAct> acts) {

	CaseDocument {
		materials = materials == null ? List.of() : List.copyOf(materials);
		notices = notices == null ? List.of() : List.copyOf(notices);
		suspensions = suspensions == null ? List.of() : List.copyOf(suspensions);
		extensions = extensions == null ? List.of() : List.copyOf(extensions);
		opinions = opinions == null ? List.of() : List.copyOf(opinions);
		fees = fees == null ? List.of() : List.copyOf(fees);
		originalsSeen = originalsSeen == null ? List.of() : List.copyOf(originalsSeen);
		handovers = handovers == null ? List.of() : List.copyOf(handovers);
		acts = acts == null ? List.of() : List.copyOf(acts);
	}

}
