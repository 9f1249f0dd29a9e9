package org.govhall.cases;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.govhall.cases.CaseRecords.AgentAuthorization;
import org.govhall.cases.CaseRecords.SubmittedMaterial;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.Role;
import org.govhall.shared.AuditEvent;
import org.govhall.shared.ForbiddenException;
import org.govhall.shared.NotFoundException;
import org.govhall.storage.Storage;
import org.govhall.storage.StoredFile;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The files handed in with a case (materials at submission, at the window and in
 * corrections, and the agent's letter of authorization), opened by those who decide on
 * them (issue 10, item 2):
 * <ul>
 * <li>the applicant and the agent;</li>
 * <li>the lead department's window clerks, reviewers and approvers;</li>
 * <li>a co-department's reviewers and approvers while the joint review runs;</li>
 * <li>supervisors whose region covers the case.</li>
 * </ul>
 * Others who may see the case (legal reviewers, administrators) see the list, not the
 * files. Every opening by someone other than the applicant is written to the audit log in
 * the same transaction ({@code case.material-opened}).
 */
@Service
public class CaseMaterials {

	/** Types a browser shows inline; everything else is downloaded. */
	private static final Set<String> INLINE = Set.of("application/pdf", "image/jpeg", "image/png");

	private static final Set<Role> HANDLERS = Set.of(Role.WINDOW_CLERK, Role.REVIEWER, Role.APPROVER);

	private static final Set<Role> CO_REVIEWERS = Set.of(Role.REVIEWER, Role.APPROVER);

	private final Cases cases;

	private final Directory directory;

	private final Storage storage;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final Clock clock;

	CaseMaterials(Cases cases, Directory directory, Storage storage, ApplicationEventPublisher events,
			TransactionTemplate tx, Clock clock) {
		this.cases = cases;
		this.directory = directory;
		this.storage = storage;
		this.events = events;
		this.tx = tx;
		this.clock = clock;
	}

	/** A file of a case with what a browser needs to show or download it. */
	public record MaterialFile(String material, String name, String contentType, byte[] content) {

		public boolean inline() {
			return INLINE.contains(contentType.toLowerCase(Locale.ROOT));
		}

	}

	/**
	 * The file {@code fileId} of case {@code number}: 404 when the caller may not see the
	 * case or the file is not one of its own, 403 when the caller sees the case but may
	 * not open its files.
	 */
	public MaterialFile open(String number, String fileId, GovHallUser user) {
		return tx.execute(status -> {
			Case c = cases.findByNumber(number).orElseThrow(() -> new NotFoundException("error.case.notFound", number));
			boolean party = CaseAccess.isParty(c, user);
			if (!party && !mayOpen(c, user)) {
				throw sees(c, user) ? new ForbiddenException("error.case.materialsForbidden")
						: new NotFoundException("error.case.notFound", number);
			}
			String material = materialOf(c, fileId)
				.orElseThrow(() -> new NotFoundException("error.case.materialNotFound", number));
			StoredFile file = storage.find(fileId)
				.orElseThrow(() -> new NotFoundException("error.case.materialNotFound", number));
			byte[] content = storage.read(file);
			if (!isApplicant(c, user)) {
				// the applicant reading their own file is no privileged access; everyone
				// else's opening is
				events.publishEvent(new AuditEvent(user.getUsername(), AuditEvent.roles(user.scope().roles()),
						"case.material-opened", number, "file=" + fileId + "; material=" + material, clock.instant()));
			}
			return new MaterialFile(material, file.name(), file.contentType(), content);
		});
	}

	/**
	 * Whether a staff member may open the files of the case shown (the parties always
	 * may).
	 */
	public boolean mayOpen(CaseView c, GovHallUser user) {
		return mayOpen(c.departmentCode(), c.coDepartments(), c.state(), user);
	}

	private boolean mayOpen(Case c, GovHallUser user) {
		return mayOpen(c.terms().departmentCode(), c.terms().coDepartments(), c.state(), user);
	}

	private boolean mayOpen(String department, List<String> coDepartments, CaseState state, GovHallUser user) {
		Set<Role> roles = user.scope().roles();
		if (roles.stream().anyMatch(HANDLERS::contains) && covers(user, department)) {
			return true;
		}
		boolean jointReview = state == CaseState.ACCEPTED || state == CaseState.REVIEWED;
		if (jointReview && roles.stream().anyMatch(CO_REVIEWERS::contains)
				&& coDepartments.stream().anyMatch(d -> covers(user, d))) {
			return true;
		}
		return roles.contains(Role.SUPERVISOR) && covers(user, department);
	}

	private boolean sees(Case c, GovHallUser user) {
		return user.scope().handlesCases() && (covers(user, c.terms().departmentCode())
				|| c.terms().coDepartments().stream().anyMatch(d -> covers(user, d)));
	}

	private static Optional<String> materialOf(Case c, String fileId) {
		Optional<String> handedIn = c.document()
			.materials()
			.stream()
			.filter(m -> m.fileId().equals(fileId))
			.map(SubmittedMaterial::material)
			.findFirst();
		if (handedIn.isPresent()) {
			return handedIn;
		}
		AgentAuthorization a = c.authorization();
		return a != null && fileId.equals(a.documentFileId()) ? Optional.of(a.documentName()) : Optional.empty();
	}

	private static boolean isApplicant(Case c, GovHallUser user) {
		Long applicant = c.applicant().accountId();
		return applicant != null && applicant == user.accountId();
	}

	private boolean covers(GovHallUser user, String departmentCode) {
		return directory.department(departmentCode)
			.map(d -> directory.covers(user.scope(), d.regionCode(), d.id()))
			.orElse(false);
	}

}
