package org.govhall.agency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.govhall.agency.Authorisation.State;
import org.govhall.agency.Authorisation.Status;
import org.govhall.catalog.Catalog;
import org.govhall.catalog.ItemStatus;
import org.govhall.directory.ApplicantIdentity;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.IdentityKind;
import org.govhall.directory.Role;
import org.govhall.shared.AuditEvent;
import org.govhall.shared.ConflictException;
import org.govhall.shared.DateBounds;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.InvalidInputException;
import org.govhall.shared.NotFoundException;
import org.govhall.shared.PlainText;
import org.govhall.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of agents' authorisations (ADR 0025). The agent requests; the principal,
 * signed in to a verified account whose identity is the principal's, confirms or
 * declines, and may revoke a confirmed one at any time; the agent may withdraw its own.
 * Each side sees only its own authorisations: one that is not the caller's is answered as
 * not found, so that ids cannot be probed. Every change is audited.
 */
@Service
public class Authorisations {

	private final JdbcClient jdbc;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Period maxValidity;

	Authorisations(JdbcClient jdbc, Catalog catalog, ApplicationEventPublisher events, Clock clock,
			AgencySettings settings) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
		this.maxValidity = settings.maxValidity();
	}

	/** The longest period an authorisation may run, from its first to its last day. */
	public Period maxValidity() {
		return maxValidity;
	}

	// ---- the agent

	/**
	 * An agent asks a principal for authority; it is pending until the principal confirms
	 * it.
	 */
	@Transactional
	public Authorisation request(AuthorisationRequest r, GovHallUser agent) {
		return requestFrom(r, agent, LocalDate.now(clock));
	}

	private Authorisation requestFrom(AuthorisationRequest r, GovHallUser agent, LocalDate today) {
		requireAgent(agent);
		PlainText.require(r.principalName(), "principalName");
		ApplicantIdentity principal = new ApplicantIdentity(r.principalKind(), r.principalName(), r.principalNumber());
		LocalDate from = r.validFrom() == null ? today : DateBounds.require("validFrom", r.validFrom());
		LocalDate until = DateBounds.require("validUntil", r.validUntil());
		if (from.isBefore(today)) {
			throw new InvalidInputException("authorisation-period", "error.authorisation.fromPast", "validFrom");
		}
		if (until.isBefore(from)) {
			throw new InvalidInputException("authorisation-period", "error.authorisation.untilBeforeFrom",
					"validUntil");
		}
		if (until.isAfter(from.plus(maxValidity).minusDays(1))) {
			throw new InvalidInputException("authorisation-period", "error.authorisation.tooLong", "validUntil",
					from.plus(maxValidity).minusDays(1).toString());
		}
		List<String> items = new ArrayList<>(new LinkedHashSet<>(r.itemCodes().stream().map(String::strip).toList()));
		for (String code : items) {
			if (catalog.findGuide(code).filter(g -> g.status() == ItemStatus.ACTIVE).isEmpty()) {
				throw new InvalidInputException("unknown-item", "error.authorisation.unknownItem", "itemCodes", code);
			}
		}
		Instant now = clock.instant();
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO agency_authorisation (agent_account_id, agent_username, agent_name, principal_kind,
				  principal_number, principal_name, valid_from, valid_until, state, requested_at)
				VALUES (:agent, :username, :name, :kind, :number, :principal, :from, :until, 'REQUESTED', :at)
				""")
			.param("agent", agent.accountId())
			.param("username", agent.getUsername())
			.param("name", agent.displayName())
			.param("kind", principal.kind().name())
			.param("number", principal.number())
			.param("principal", principal.legalName())
			.param("from", from)
			.param("until", until)
			.param("at", Timestamp.from(now))
			.update(key, "id");
		long id = Objects.requireNonNull(key.getKey()).longValue();
		for (String code : items) {
			jdbc.sql("INSERT INTO agency_authorisation_item (authorisation_id, item_code) VALUES (:id, :code)")
				.param("id", id)
				.param("code", code)
				.update();
		}
		audit(agent, "agency.authorisation-requested", id, "items=" + items + " " + from + ".." + until);
		return load(id).orElseThrow().view(LocalDate.now(clock));
	}

	/** The agent's own authorisations, newest first. */
	public List<Authorisation> ofAgent(GovHallUser agent) {
		requireAgent(agent);
		return list("a.agent_account_id = :v1", Map.of("v1", agent.accountId()));
	}

	/** The agent withdraws its own request or authorisation. */
	@Transactional
	public Authorisation withdraw(long id, GovHallUser agent) {
		requireAgent(agent);
		Row row = load(id).filter(r -> r.agentAccountId() == agent.accountId())
			.orElseThrow(() -> new NotFoundException("error.authorisation.notFound", id));
		if (row.state() != State.REQUESTED && row.state() != State.CONFIRMED) {
			throw new ConflictException("authorisation-state", "error.authorisation.state");
		}
		end(row, State.WITHDRAWN, agent);
		audit(agent, "agency.authorisation-withdrawn", id, "");
		return load(id).orElseThrow().view(LocalDate.now(clock));
	}

	// ---- the principal

	/**
	 * The authorisations that name the signed-in principal, newest first: only for a
	 * verified account.
	 */
	public List<Authorisation> ofPrincipal(GovHallUser principal) {
		ApplicantIdentity identity = requirePrincipal(principal);
		return list("a.principal_kind = :v1 AND a.principal_number = :v2",
				Map.of("v1", identity.kind().name(), "v2", identity.number()));
	}

	/**
	 * The principal confirms a pending request; the authorisation then names the
	 * principal as the verified account does (not as the agent typed it).
	 */
	@Transactional
	public Authorisation confirm(long id, GovHallUser principal) {
		Row row = ownedByPrincipal(id, principal);
		requireState(row, State.REQUESTED);
		if (LocalDate.now(clock).isAfter(row.validUntil())) {
			throw new RuleViolationException("authorisation-expired", "error.authorisation.expired");
		}
		decide(row, State.CONFIRMED, principal, requirePrincipal(principal).legalName());
		audit(principal, "agency.authorisation-confirmed", id, "agent=" + row.agentUsername());
		return load(id).orElseThrow().view(LocalDate.now(clock));
	}

	@Transactional
	public Authorisation decline(long id, GovHallUser principal) {
		Row row = ownedByPrincipal(id, principal);
		requireState(row, State.REQUESTED);
		decide(row, State.DECLINED, principal, row.principalName());
		audit(principal, "agency.authorisation-declined", id, "agent=" + row.agentUsername());
		return load(id).orElseThrow().view(LocalDate.now(clock));
	}

	/**
	 * The principal revokes a confirmed authorisation: from now on the agent cannot file
	 * under it. Cases filed before keep the authorisation they were filed under, as
	 * recorded with each case.
	 */
	@Transactional
	public Authorisation revoke(long id, GovHallUser principal) {
		Row row = ownedByPrincipal(id, principal);
		requireState(row, State.CONFIRMED);
		end(row, State.REVOKED, principal);
		audit(principal, "agency.authorisation-revoked", id, "agent=" + row.agentUsername());
		return load(id).orElseThrow().view(LocalDate.now(clock));
	}

	// ---- either side

	/**
	 * One authorisation, for its agent or its verified principal only (404 for anyone
	 * else).
	 */
	public Authorisation find(long id, GovHallUser user) {
		return load(id).filter(r -> visibleTo(r, user))
			.map(r -> r.view(LocalDate.now(clock)))
			.orElseThrow(() -> new NotFoundException("error.authorisation.notFound", id));
	}

	// ---- filing

	/**
	 * The authorisation an agent files under, with the principal's full identity: the
	 * agent's own, confirmed, in force today and covering the item; anything else is
	 * refused (404 when it is not the agent's, 422 otherwise).
	 */
	public Usable requireUsable(long id, GovHallUser agent, String itemCode) {
		requireAgent(agent);
		Row row = load(id).filter(r -> r.agentAccountId() == agent.accountId())
			.orElseThrow(() -> new NotFoundException("error.authorisation.notFound", id));
		Authorisation a = row.view(LocalDate.now(clock));
		switch (a.status()) {
			case ACTIVE -> {
			}
			case PENDING ->
				throw new RuleViolationException("authorisation-not-confirmed", "error.authorisation.notConfirmed");
			case NOT_YET_VALID -> throw new RuleViolationException("authorisation-not-yet-valid",
					"error.authorisation.notYetValid", a.validFrom().toString());
			case EXPIRED -> throw new RuleViolationException("authorisation-expired", "error.authorisation.expired");
			case REVOKED -> throw new RuleViolationException("authorisation-revoked", "error.authorisation.revoked");
			case DECLINED, WITHDRAWN ->
				throw new RuleViolationException("authorisation-ended", "error.authorisation.ended");
		}
		if (!a.covers(itemCode)) {
			throw new RuleViolationException("authorisation-item", "error.authorisation.itemNotCovered", itemCode);
		}
		return new Usable(a, new ApplicantIdentity(row.principalKind(), row.principalName(), row.principalNumber()));
	}

	/**
	 * The agent's authorisations it can file under today for an item (for the application
	 * form).
	 */
	public List<Authorisation> usableFor(GovHallUser agent, String itemCode) {
		return ofAgent(agent).stream().filter(a -> a.status() == Status.ACTIVE && a.covers(itemCode)).toList();
	}

	/**
	 * An authorisation usable for filing, with the principal as the case will name them.
	 */
	public record Usable(Authorisation authorisation, ApplicantIdentity principal) {
	}

	// ---- demo

	/**
	 * The demo seed's authorisation: requested by the agent and confirmed by the verified
	 * principal, as both would, but for the whole year of {@code from} (the training
	 * clock walks back and forth within it), which a request could not ask for. Only
	 * once: an agent that already has one from the principal gets none.
	 */
	@Transactional
	public void seedConfirmed(GovHallUser agent, GovHallUser principal, List<String> itemCodes, LocalDate from) {
		ApplicantIdentity identity = requirePrincipal(principal);
		if (ofAgent(agent).stream()
			.anyMatch(a -> a.principalKind() == identity.kind()
					&& a.principalNumberMasked().equals(identity.maskedNumber()))) {
			return;
		}
		LocalDate start = from.withDayOfYear(1);
		Authorisation a = requestFrom(new AuthorisationRequest(identity.kind(), identity.legalName(), identity.number(),
				itemCodes, start, start.plus(maxValidity).minusDays(1)), agent, start);
		confirm(a.id(), principal);
	}

	// ---- rows

	private void requireAgent(GovHallUser user) {
		if (!user.scope().has(Role.AGENT) || user.isStaff()) {
			throw new ForbiddenException("error.forbidden.role");
		}
	}

	private ApplicantIdentity requirePrincipal(GovHallUser user) {
		if (user.isStaff() || user.identity() == null) {
			throw new ForbiddenException("error.forbidden.role");
		}
		if (!user.verified()) {
			throw new RuleViolationException("identity-unverified", "error.authorisation.principalUnverified");
		}
		return user.identity();
	}

	private boolean visibleTo(Row r, GovHallUser user) {
		if (user.scope().has(Role.AGENT) && r.agentAccountId() == user.accountId()) {
			return true;
		}
		ApplicantIdentity identity = user.identity();
		return !user.isStaff() && user.verified() && identity != null && identity.kind() == r.principalKind()
				&& identity.number().equals(r.principalNumber());
	}

	private Row ownedByPrincipal(long id, GovHallUser principal) {
		ApplicantIdentity identity = requirePrincipal(principal);
		return load(id)
			.filter(r -> r.principalKind() == identity.kind() && r.principalNumber().equals(identity.number()))
			.orElseThrow(() -> new NotFoundException("error.authorisation.notFound", id));
	}

	private static void requireState(Row row, State expected) {
		if (row.state() != expected) {
			throw new ConflictException("authorisation-state", "error.authorisation.state");
		}
	}

	/**
	 * The principal's answer to a request (recorded as decided), under the name the
	 * answer gives the principal.
	 */
	private void decide(Row row, State to, GovHallUser principal, String principalName) {
		move(row, to, principal, "decided", principalName);
	}

	/** The end of an authorisation, by whichever side ended it. */
	private void end(Row row, State to, GovHallUser by) {
		move(row, to, by, "ended", row.principalName());
	}

	private void move(Row row, State to, GovHallUser by, String step, String principalName) {
		int n = jdbc
			.sql("UPDATE agency_authorisation SET state = :to, " + step + "_by = :by, " + step + "_at = :at,"
					+ " principal_name = :name, version = version + 1 WHERE id = :id AND version = :version")
			.param("to", to.name())
			.param("by", by.getUsername())
			.param("at", Timestamp.from(clock.instant()))
			.param("name", principalName)
			.param("id", row.id())
			.param("version", row.version())
			.update();
		if (n == 0) {
			throw new ConflictException("concurrent-change", "error.concurrentChange");
		}
	}

	private void audit(GovHallUser actor, String action, long id, String detail) {
		events.publishEvent(new AuditEvent(actor.getUsername(), AuditEvent.roles(actor.scope().roles()), action,
				"authorisation-" + id, detail, clock.instant()));
	}

	private static final String SELECT = """
			SELECT a.id, a.agent_account_id, a.agent_username, a.agent_name, a.principal_kind, a.principal_number,
			  a.principal_name, a.valid_from, a.valid_until, a.state, a.requested_at, a.decided_by, a.decided_at,
			  a.ended_by, a.ended_at, a.version
			FROM agency_authorisation a
			""";

	private Optional<Row> load(long id) {
		return rows("a.id = :v1", Map.of("v1", id)).stream().findFirst();
	}

	private List<Authorisation> list(String where, Map<String, Object> params) {
		return rows(where, params).stream().map(r -> r.view(LocalDate.now(clock))).toList();
	}

	private List<Row> rows(String where, Map<String, Object> params) {
		List<Row> rows = jdbc.sql(SELECT + " WHERE " + where + " ORDER BY a.id DESC")
			.params(params)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("agent_account_id"), rs.getString("agent_username"),
					rs.getString("agent_name"), IdentityKind.valueOf(rs.getString("principal_kind")),
					rs.getString("principal_number"), rs.getString("principal_name"),
					rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
					State.valueOf(rs.getString("state")), rs.getTimestamp("requested_at").toInstant(),
					rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")), rs.getString("ended_by"),
					instant(rs.getTimestamp("ended_at")), rs.getInt("version"), new ArrayList<>()))
			.list();
		if (!rows.isEmpty()) {
			Map<Long, Row> byId = rows.stream().collect(Collectors.toMap(Row::id, r -> r));
			jdbc.sql(
					"SELECT authorisation_id, item_code FROM agency_authorisation_item WHERE authorisation_id IN (:ids)"
							+ " ORDER BY item_code")
				.param("ids", byId.keySet())
				.query((rs, n) -> byId.get(rs.getLong(1)).items().add(rs.getString(2)))
				.list();
		}
		return rows;
	}

	private static @Nullable Instant instant(@Nullable Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	private record Row(long id, long agentAccountId, String agentUsername, String agentName, IdentityKind principalKind,
			String principalNumber, String principalName, LocalDate validFrom, LocalDate validUntil, State state,
			Instant requestedAt, @Nullable String decidedBy, @Nullable Instant decidedAt, @Nullable String endedBy,
			@Nullable Instant endedAt, int version, List<String> items) {

		Authorisation view(LocalDate today) {
			return new Authorisation(id, agentUsername, agentName, principalKind, principalName,
					Authorisation.mask(principalKind, principalNumber), items, validFrom, validUntil, state,
					requestedAt, decidedBy, decidedAt, endedBy, endedAt,
					Authorisation.status(state, validFrom, validUntil, today));
		}

	}

}
