package org.govhall.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface Accounts extends ListCrudRepository<Account, Long> {

	Optional<Account> findByUsername(String username);

	boolean existsByUsername(String username);

	/**
	 * The accounts that claim an identity number or credit code: several may (ADR 0024),
	 * at most one of them verified.
	 */
	List<Account> findByIdentityNumber(String identityNumber);

	/**
	 * The verified account of an identity number or credit code; at most one (a unique
	 * index says so).
	 */
	Optional<Account> findByVerifiedNumber(String verifiedNumber);

	List<Account> findByDepartmentId(Long departmentId);

}
