package org.govhall.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface Departments extends ListCrudRepository<Department, Long> {

	Optional<Department> findByCode(String code);

	List<Department> findByRegionCode(String regionCode);

}
