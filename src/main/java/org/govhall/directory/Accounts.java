package org.govhall.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface Accounts extends ListCrudRepository<Account, Long> {

	Optional<Account> findByUsername(String username);

	boolean existsByUsername(String username);

	/** The account registered with an identity number or credit code; at most one (a unique index says so). */
	Optional<Account> findFirstByIdentityNumber(String identityNumber);

	List<Account> findByDepartmentId(Long departmentId);

}
