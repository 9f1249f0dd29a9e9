package org.govhall.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An issued document as its public verification page shows it: the record, the holder
 * masked (a person, an organisation, or unknown for documents issued before it was kept,
 * as a person), the item and scope, and whether it is valid today. The premises are left
 * out: for a person they are an address. The masked holder lets the one who holds the
 * paper recognise it without telling a stranger who holds it.
 *
 * @param holder a person's name masked (张*明), an organisation's with its trade name
 * masked (示范市**餐饮有限公司)
 * @param holderNumber the identity number masked, or the credit code; none for documents
 * issued before it was kept
 * @param validity valid, expired (after {@code validUntil}) or revoked (from
 * {@code revokedOn}), on today's date
 */
public record VerifiedDocument(IssuedDocument document, String holder, @Nullable String holderNumber,
		@Nullable String item, @Nullable String certificateNo, @Nullable String scope, @Nullable LocalDate validUntil,
		@Nullable LocalDate revokedOn, Validity validity) {

	/** Whether a document holds today. */
	public enum Validity {

		VALID, EXPIRED, REVOKED

	}

	static VerifiedDocument of(IssuedDocument document, ResultSet rs, LocalDate today) throws SQLException {
		boolean organisation = Boolean.FALSE.equals(rs.getObject("holder_person", Boolean.class));
		String recipient = rs.getString("recipient");
		LocalDate validUntil = rs.getObject("valid_until", LocalDate.class);
		LocalDate revokedOn = rs.getObject("revoked_on", LocalDate.class);
		Validity validity = revokedOn != null ? Validity.REVOKED
				: validUntil != null && today.isAfter(validUntil) ? Validity.EXPIRED : Validity.VALID;
		return new VerifiedDocument(document, organisation ? maskOrganisation(recipient) : maskName(recipient),
				rs.getString("holder_number"), rs.getString("item_name"), rs.getString("certificate_no"),
				rs.getString("scope"), validUntil, revokedOn, validity);
	}

	/**
	 * The legal forms an organisation's name ends with (GB/T 32100 registration names),
	 * tried longest first.
	 */
	private static final List<String> LEGAL_FORMS = List
		.of("股份有限公司", "有限责任公司", "专业合作社", "有限公司", "合伙企业", "个人独资企业", "合作社", "集团", "公司", "分公司", "事务所", "工作室", "中心", "协会",
				"商行", "门市部", "经营部", "餐厅", "饭店", "超市", "药店", "诊所", "医院", "学校", "幼儿园", "厂", "店", "部", "社", "院", "所")
		.stream()
		.sorted(Comparator.comparingInt(String::length).reversed())
		.toList();

	/** The region words a registered name begins with: 示范市, 示范省青川县, 示范市东城区. */
	private static final Pattern REGION = Pattern.compile("^(?:\\p{IsHan}{1,6}?[省市])?(?:\\p{IsHan}{1,6}?[市县区旗])?");

	/**
	 * An organisation's name with its trade name (字号) starred: the region it begins with,
	 * the business (two characters) and the legal form it ends with stay, as in
	 * 示范市**餐饮有限公司 or **科技有限公司. At least two characters are starred; a name of four
	 * characters or fewer is masked like a person's.
	 */
	static String maskOrganisation(String name) {
		String n = name.strip();
		int[] cps = n.codePoints().toArray();
		if (cps.length <= 4) {
			return maskName(n);
		}
		Matcher region = REGION.matcher(n);
		int head = region.lookingAt() ? n.codePointCount(0, region.end()) : 0;
		if (head > cps.length - 4) {
			head = 0;
		}
		int form = LEGAL_FORMS.stream()
			.filter(n::endsWith)
			.findFirst()
			.map(f -> f.codePointCount(0, f.length()))
			.orElse(0);
		int tail = Math.min(cps.length - head - 2, form == 0 ? 1 : form + 2);
		if (cps.length - head - tail < 2) {
			return maskName(n);
		}
		StringBuilder masked = new StringBuilder();
		for (int i = 0; i < cps.length; i++) {
			if (i < head || i >= cps.length - tail) {
				masked.appendCodePoint(cps[i]);
			}
			else {
				masked.append('*');
			}
		}
		return masked.toString();
	}

	/**
	 * A person's name with all but its first and last characters starred (张*明, 欧**娜); a
	 * two-character name keeps its first (张*), a one-character name is starred whole.
	 */
	static String maskName(String name) {
		int[] cps = name.strip().codePoints().toArray();
		if (cps.length <= 1) {
			return "*";
		}
		StringBuilder masked = new StringBuilder().appendCodePoint(cps[0]);
		if (cps.length == 2) {
			return masked.append('*').toString();
		}
		masked.append("*".repeat(cps.length - 2));
		return masked.appendCodePoint(cps[cps.length - 1]).toString();
	}

}
