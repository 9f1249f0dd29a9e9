package org.govhall.audit;

import org.govhall.directory.GovHallUser;
import org.govhall.shared.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The province's system administrators' page of the audit log (recent rows and the
 * verification), and the public transparency page with the latest signed head, the public
 * key and every published chain head.
 */
@PageController
class AuditPages {

	static final int PAGE_SIZE = 50;

	private final AuditChain chain;

	private final AuditEntries entries;

	private final AuditAccess access;

	AuditPages(AuditChain chain, AuditEntries entries, AuditAccess access) {
		this.chain = chain;
		this.entries = entries;
		this.access = access;
	}

	@GetMapping("/staff/audit")
	String log(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal GovHallUser user, Model model) {
		access.requireProvincialAdmin(user);
		return page(page, chain.lastVerification().orElse(null), model);
	}

	/**
	 * Verifies and answers with the page itself rather than a redirect: the result would
	 * otherwise have to travel in the session (kept in the database, so it would have to
	 * be serialized), or come from this node's memory on another node.
	 */
	@PostMapping("/staff/audit/verification")
	String verify(@AuthenticationPrincipal GovHallUser user, Model model) {
		access.requireProvincialAdmin(user);
		return page(0, chain.verify(), model);
	}

	/**
	 * The language and elderly-mode switches link to the current address: after a
	 * verification, this one.
	 */
	@GetMapping("/staff/audit/verification")
	String afterVerification() {
		return "redirect:/staff/audit";
	}

	private String page(int page, @Nullable Verification verification, Model model) {
		long total = entries.count();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(page, 0), pages - 1);
		model.addAttribute("entries", entries.recent(current * PAGE_SIZE, PAGE_SIZE));
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		model.addAttribute("total", total);
		model.addAttribute("verification", verification);
		model.addAttribute("halt", chain.halt().orElse(null));
		return "audit/log";
	}

	@GetMapping("/transparency")
	String transparency(Model model) {
		model.addAttribute("heads", chain.heads());
		model.addAttribute("signed", HeadView.of(chain));
		model.addAttribute("signedHeads", chain.signedHeads(10));
		return "audit/transparency";
	}

}
