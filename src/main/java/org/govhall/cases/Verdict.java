package org.govhall.cases;

/**
 * A co-reviewing department's opinion in joint review: agree, disagree with reasons, or
 * agree with conditions.
 */
public enum Verdict {

	AGREE, DISAGREE, CONDITIONAL

}
