package org.govhall.audit;

import java.time.Clock;
import java.util.Locale;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import org.govhall.cases.CaseEvent;
import org.govhall.cases.CaseFacts;
import org.govhall.shared.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes the audit rows: {@link AuditEvent}s and case steps ({@link CaseEvent}s) in the
 * transaction that publishes them, and logins from Spring Security's authentication
 * events.
 */
@Component
class AuditLog {

	private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

	private final AuditEntries entries;

	private final TransactionTemplate separately;

	private final FailedLogins failedLogins;

	private final Clock clock;

	AuditLog(AuditEntries entries, FailedLogins failedLogins, PlatformTransactionManager transactions, Clock clock) {
		this.entries = entries;
		this.failedLogins = failedLogins;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * In the publisher's transaction, so that the action and its row commit or roll back
	 * together. A read-only transaction (an export, a lookup) cannot write: its row is
	 * committed on its own, before the read returns.
	 */
	@EventListener
	void on(AuditEvent event) {
		if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			separately.executeWithoutResult(status -> entries.append(event, null));
		}
		else {
			entries.append(event, null);
		}
	}

	/**
	 * One row per case step: who did what to which case when, written in the step's own
	 * transaction (ADR 0034), so that no step commits without its row.
	 */
	@EventListener
	void on(CaseEvent event) {
		CaseFacts facts = event.facts();
		CaseFacts.Step step = facts.step();
		if (step == null) {
			return;
		}
		String action = "case." + step.action().name().toLowerCase(Locale.ROOT).replace('_', '-');
		entries.append(
				new AuditEvent(step.actor(), step.role().name(), action, facts.caseNumber(), detail(event), step.at()),
				facts.caseNumber() + "|" + ChainHash.timestamp(step.at()) + "|" + step.action().name());
	}

	/**
	 * A login whose password was checked: every form login, and an HTTP Basic request
	 * whose credentials were not remembered yet. Remembered Basic credentials
	 * (system/BasicCredentialCache) skip the password check, carry no password factor,
	 * and write no row: one row per check, not per API request. A row that cannot be
	 * written fails the login with the database's error: no login without its row.
	 */
	@EventListener
	void on(AuthenticationSuccessEvent event) {
		Authentication auth = event.getAuthentication();
		if (auth.getAuthorities().stream().noneMatch(FactorGrantedAuthority.class::isInstance)) {
			return;
		}
		TreeSet<String> roles = new TreeSet<>();
		for (GrantedAuthority a : auth.getAuthorities()) {
			String name = a.getAuthority();
			if (name != null && name.startsWith("ROLE_")) {
				roles.add(name.substring(5));
			}
		}
		String role = roles.isEmpty() ? AuditEvent.ANONYMOUS : String.join(",", roles);
		entries.append(
				new AuditEvent(auth.getName(), role, "login.succeeded", auth.getName(), where(auth), clock.instant()),
				null);
	}

	/**
	 * A refused login, with the username that was tried (never the password), counted per
	 * username text and minute ({@link FailedLogins}, ADR 0019). A check that could not
	 * run (the account could not be loaded, typically with the database unreachable)
	 * refused nobody's credentials and is not counted; neither is an attempt the login
	 * throttle stopped before the check. The login is refused whether or not it can be
	 * counted, so a failed write is logged and does not change the answer.
	 */
	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		if (event instanceof AuthenticationFailureServiceExceptionEvent) {
			return;
		}
		Authentication auth = event.getAuthentication();
		String name = auth.getName() == null ? "" : auth.getName();
		String reason = event.getException().getClass().getSimpleName().replace("Exception", "");
		try {
			failedLogins.count(name, reason, channel(), address(auth), clock.instant());
		}
		catch (DataAccessException ex) {
			log.warn("audit: a refused login could not be counted: {}", ex.getMessage());
		}
	}

	private static String where(Authentication auth) {
		return "channel=" + channel() + "; address=" + address(auth);
	}

	/**
	 * {@code basic} under {@code /api/}, {@code form} for the login form, else
	 * {@code other}.
	 */
	private static String channel() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			String path = request.getRequestURI().substring(request.getContextPath().length());
			return path.startsWith("/api/") ? "basic" : path.startsWith("/login") ? "form" : "other";
		}
		return "other";
	}

	private static String address(Authentication auth) {
		if (auth.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null) {
			return d.getRemoteAddress();
		}
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return attributes.getRequest().getRemoteAddr();
		}
		return "unknown";
	}

	private static String detail(CaseEvent event) {
		CaseFacts f = event.facts();
		StringBuilder b = new StringBuilder().append("item=")
			.append(f.itemCode())
			.append("; department=")
			.append(f.departmentCode())
			.append("; channel=")
			.append(f.channel())
			.append("; state=")
			.append(f.state());
		if (event instanceof CaseEvent.Decided d) {
			b.append("; outcome=").append(d.outcome());
		}
		else if (event instanceof CaseEvent.Extended e) {
			b.append("; days=").append(e.amount()).append("; approvedBy=").append(e.approvedBy());
		}
		else if (event instanceof CaseEvent.Suspended s) {
			b.append("; procedure=").append(s.procedure());
		}
		else if (event instanceof CaseEvent.Resumed r) {
			b.append("; procedure=").append(r.procedure());
		}
		else if (event instanceof CaseEvent.FeeCharged fee) {
			b.append("; fee=").append(fee.amount()).append("; receipt=").append(fee.receiptNo());
		}
		else if (event instanceof CaseEvent.OpinionRecorded o) {
			b.append("; opinionOf=").append(o.departmentCode()).append("; verdict=").append(o.verdict());
		}
		else if (event instanceof CaseEvent.OpinionChased c) {
			b.append("; chased=").append(c.departmentCode()).append("; times=").append(c.number());
		}
		else if (event instanceof CaseEvent.HandedOver h) {
			b.append("; from=").append(h.from()).append("; to=").append(h.to());
		}
		else if (event instanceof CaseEvent.CorrectionRequested c) {
			b.append("; round=").append(c.round());
		}
		return b.toString();
	}

}
