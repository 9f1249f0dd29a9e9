package org.govhall.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.govhall.support.DatabaseRefusals;
import org.govhall.system.RepositoryTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The directory's repositories on H2 (PostgreSQL mode) migrated by Flyway: every
 * aggregate reads back as it was saved (with its role and department sets), the derived
 * queries find what they name, a stale copy is refused by its {@code @Version} (what the
 * API answers 409 concurrent-change), and the database's unique rules hold.
 */
@RepositoryTest
class DirectoryRepositoriesTests {

	static final Instant NOW = Instant.parse("2026-09-30T02:00:00Z");

	@Autowired
	Regions regions;

	@Autowired
	Departments departments;

	@Autowired
	Accounts accounts;

	@Autowired
	Halls halls;

	@Autowired
	ServiceWindows windows;

	@Autowired
	JdbcClient jdbc;

	Department market;

	Department police;

	@BeforeEach
	void province() {
		regions.save(Region.create("660000", "示范省", "Demo Province", RegionLevel.PROVINCE, null));
		regions.save(Region.create("660100", "示范市", "Demo City", RegionLevel.CITY, "660000"));
		regions.save(Region.create("660102", "东湖区", "Donghu District", RegionLevel.COUNTY, "660100"));
		market = departments.save(department("660100-SCJG", "示范市市场监督管理局", "660100"));
		police = departments.save(department("660100-GAJ", "示范市公安局", "660100"));
	}

	static Department department(String code, String name, String region) {
		return new Department(null, code, name, name + " (en)", region, DepartmentKind.GOVERNMENT, null, "行政审批科",
				"Approval Division", "0660-1234567", null);
	}

	@Test
	void regionsReadBackWithTheirLevelAndAreFoundByParent() {
		Region city = regions.findById("660100").orElseThrow();
		assertThat(city.view()).isEqualTo(new RegionView("660100", "示范市", "Demo City", RegionLevel.CITY, "660000"));
		assertThat(regions.findByParentCode("660100")).extracting(Region::code).containsExactly("660102");
		assertThat(regions.findByParentCode("660000")).extracting(Region::code).containsExactly("660100");
		assertThat(regions.findByParentCode("660102")).isEmpty();
	}

	@Test
	void aStaleRegionIsRefusedByItsVersion() {
		Region first = regions.findById("660102").orElseThrow();
		Region second = regions.findById("660102").orElseThrow();
		regions.save(first);
		assertThat(version("directory_region", "code", "660102")).isEqualTo(1);
		assertThatThrownBy(() -> regions.save(second)).satisfies(DatabaseRefusals::concurrentChange);
	}

	@Test
	void aDepartmentReadsBackWholeAndIsFoundByCodeAndRegion() {
		Department found = departments.findByCode("660100-SCJG").orElseThrow();
		assertThat(found.view())
			.isEqualTo(new DepartmentView(market.id(), "660100-SCJG", "示范市市场监督管理局", "示范市市场监督管理局 (en)", "660100",
					DepartmentKind.GOVERNMENT, null, "行政审批科", "Approval Division", "0660-1234567"));
		assertThat(departments.findByCode("660100-NONE")).isEmpty();
		assertThat(departments.findByRegionCode("660100")).extracting(Department::code)
			.containsExactlyInAnyOrder("660100-SCJG", "660100-GAJ");
		assertThat(departments.findByRegionCode("660102")).isEmpty();
	}

	@Test
	void aDepartmentEditedOnAStaleCopyIsRefusedAndTheFirstEditStays() {
		Department mine = departments.findByCode("660100-SCJG").orElseThrow();
		Department theirs = departments.findByCode("660100-SCJG").orElseThrow();
		mine.update(new DepartmentDraft("660100-SCJG", "示范市市场监管局", "Market Regulation", "660100",
				DepartmentKind.GOVERNMENT, null, null, null, "0660-7654321"));
		departments.save(mine);
		theirs.update(new DepartmentDraft("660100-SCJG", "改名", "Renamed", "660100", DepartmentKind.OTHER_UTILITY, null,
				null, null, null));
		assertThatThrownBy(() -> departments.save(theirs)).satisfies(DatabaseRefusals::concurrentChange);
		assertThat(departments.findByCode("660100-SCJG").orElseThrow().view().nameZh()).isEqualTo("示范市市场监管局");
	}

	@Test
	void aSecondDepartmentWithTheSameCodeIsRefusedByTheDatabase() {
		assertThatThrownBy(() -> departments.save(department("660100-SCJG", "重复", "660100")))
			.satisfies(DatabaseRefusals::integrityRule);
	}

	@Test
	void aStaffAccountKeepsItsRolesAndScopeAndIsFoundByNameAndDepartment() {
		Account clerk = accounts.save(Account.open("clerk", "{noop}pw", "王窗口",
				EnumSet.of(Role.WINDOW_CLERK, Role.REVIEWER), "660100", market.id(), NOW));
		Account found = accounts.findByUsername("clerk").orElseThrow();
		assertThat(found.id()).isEqualTo(clerk.id());
		assertThat(found.roles()).containsExactlyInAnyOrder(Role.WINDOW_CLERK, Role.REVIEWER);
		assertThat(found.regionCode()).isEqualTo("660100");
		assertThat(found.departmentId()).isEqualTo(market.id());
		assertThat(found.enabled()).isTrue();
		assertThat(found.onDuty()).isTrue();
		assertThat(found.identity()).isNull();
		assertThat(jdbc.sql("SELECT role FROM directory_account_role WHERE account_id = :id ORDER BY role")
			.param("id", clerk.id())
			.query(String.class)
			.list()).containsExactly("REVIEWER", "WINDOW_CLERK");
		assertThat(accounts.existsByUsername("clerk")).isTrue();
		assertThat(accounts.existsByUsername("CLERK")).isFalse();
		assertThat(accounts.findByDepartmentId(market.id())).extracting(Account::username).containsExactly("clerk");
		assertThat(accounts.findByDepartmentId(police.id())).isEmpty();
	}

	@Test
	void aRevokedRoleIsGoneFromTheRoleTableAndAStaleAccountIsRefused() {
		accounts.save(Account.open("reviewer", "{noop}pw", "李审查", EnumSet.of(Role.WINDOW_CLERK, Role.REVIEWER),
				"660100", market.id(), NOW));
		Account mine = accounts.findByUsername("reviewer").orElseThrow();
		Account theirs = accounts.findByUsername("reviewer").orElseThrow();
		mine.revoke(Role.REVIEWER);
		accounts.save(mine);
		assertThat(accounts.findByUsername("reviewer").orElseThrow().roles()).containsExactly(Role.WINDOW_CLERK);
		theirs.disable();
		assertThatThrownBy(() -> accounts.save(theirs)).satisfies(DatabaseRefusals::concurrentChange);
		assertThat(accounts.findByUsername("reviewer").orElseThrow().enabled()).isTrue();
	}

	@Test
	void severalAccountsMayClaimANumberButOnlyOneMayHoldItVerified() {
		ApplicantIdentity identity = new ApplicantIdentity(IdentityKind.RESIDENT_ID, "张三", "11010519491231002X");
		Account first = accounts.save(Account.applicant("zhangsan", "{noop}pw", identity, "13800000000", NOW));
		Account squatter = accounts.save(Account.applicant("squatter", "{noop}pw", identity, null, NOW));
		assertThat(accounts.findByIdentityNumber("11010519491231002X")).extracting(Account::username)
			.containsExactlyInAnyOrder("zhangsan", "squatter");
		assertThat(accounts.findByVerifiedNumber("11010519491231002X")).isEmpty();

		Account owner = accounts.findById(first.id()).orElseThrow();
		owner.verify(new Verification(Verification.Via.WINDOW, "clerk", NOW));
		accounts.save(owner);
		Account verified = accounts.findByVerifiedNumber("11010519491231002X").orElseThrow();
		assertThat(verified.username()).isEqualTo("zhangsan");
		assertThat(verified.identity()).isEqualTo(identity);
		assertThat(verified.verification()).isEqualTo(new Verification(Verification.Via.WINDOW, "clerk", NOW));
		assertThat(verified.phone()).isEqualTo("13800000000");

		Account other = accounts.findById(squatter.id()).orElseThrow();
		other.verify(new Verification(Verification.Via.PLATFORM, "platform", NOW));
		assertThatThrownBy(() -> accounts.save(other)).satisfies(DatabaseRefusals::integrityRule);
	}

	@Test
	void aHallsWindowsKeepTheirDepartmentsAndTheirNumbersAreUniqueInTheHall() {
		Hall hall = halls.save(Hall.create(new HallDraft("660100", "示范市政务服务中心", "Demo City Service Hall", "人民路 1 号",
				"1 Renmin Road", "工作日 9:00—17:00", "Working days 9:00–17:00", "0660-12345")));
		Hall other = halls.save(
				Hall.create(new HallDraft("660102", "东湖区政务服务中心", "Donghu Service Hall", null, null, null, null, null)));
		windows.save(ServiceWindow.open(hall.id(), "A01", "综合窗口", "Comprehensive", WindowKind.COMPREHENSIVE,
				Set.of(market.id(), police.id())));
		windows.save(ServiceWindow.open(hall.id(), "B01", "公安窗口", "Police", WindowKind.DEDICATED, Set.of(police.id())));

		assertThat(halls.findByRegionCode("660100")).extracting(Hall::id).containsExactly(hall.id());
		assertThat(halls.findById(other.id()).orElseThrow().view(List.of()).addressZh()).isNull();
		assertThat(windows.findByHallId(hall.id())).hasSize(2)
			.anySatisfy(w -> assertThat(w.departmentIds()).containsExactlyInAnyOrder(market.id(), police.id()))
			.anySatisfy(w -> assertThat(w.departmentIds()).containsExactly(police.id()));
		assertThat(windows.findByHallId(other.id())).isEmpty();
		assertThat(windows.existsByHallIdAndNumber(hall.id(), "A01")).isTrue();
		assertThat(windows.existsByHallIdAndNumber(other.id(), "A01")).isFalse();
		assertThatThrownBy(() -> windows
			.save(ServiceWindow.open(hall.id(), "A01", "重复", "Duplicate", WindowKind.DEDICATED, Set.of())))
			.satisfies(DatabaseRefusals::integrityRule);
	}

	int version(String table, String key, String value) {
		return jdbc.sql("SELECT version FROM " + table + " WHERE " + key + " = :v")
			.param("v", value)
			.query(Integer.class)
			.single();
	}

	/**
	 * Every API request loads its caller with one statement (ADR 0034); it must be the
	 * account as its aggregate has it: roles, scope, identity, verification, phone,
	 * enabled.
	 */
	@Test
	void aPrincipalIsTheAccountWithItsRolesIdentityAndVerification() {
		AccountLookup lookup = new AccountLookup(accounts, null, null, jdbc);
		Account staff = accounts.save(Account.open("reviewer2", "{bcrypt}x", "审查员",
				Set.of(Role.REVIEWER, Role.APPROVER), "660100", market.id(), NOW));
		Account applicant = Account.applicant("zhangsan", "{bcrypt}y",
				new ApplicantIdentity(IdentityKind.RESIDENT_ID, "张三", "11010519491231002X"), "13800000000", NOW);
		applicant.verify(new Verification(Verification.Via.WINDOW, "clerk", NOW));
		applicant = accounts.save(applicant);
		for (Account a : List.of(staff, applicant)) {
			GovHallUser p = lookup.principal(a.username()).orElseThrow();
			assertThat(p.accountId()).isEqualTo(a.id());
			assertThat(p.getUsername()).isEqualTo(a.username());
			assertThat(p.getPassword()).isEqualTo(a.passwordHash());
			assertThat(p.displayName()).isEqualTo(a.displayName());
			assertThat(p.scope()).isEqualTo(new StaffScope(a.roles(), a.regionCode(), a.departmentId()));
			assertThat(p.isEnabled()).isTrue();
			assertThat(p.identity()).isEqualTo(a.identity());
			assertThat(p.phone()).isEqualTo(a.phone());
			assertThat(p.verification()).isEqualTo(a.verification());
		}
		assertThat(lookup.principal("zhangsan").orElseThrow().verification()).isNotNull();
		assertThat(lookup.principal("reviewer2").orElseThrow().scope().roles()).containsExactlyInAnyOrder(Role.REVIEWER,
				Role.APPROVER);
		assertThat(lookup.principal("nobody")).isEmpty();
	}

}
