package org.govhall.cases;

/** A decision: granted (准予) or denied (不予). */
public enum Outcome {

	APPROVED, DENIED

}
