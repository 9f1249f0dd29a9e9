package org.govhall.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface ServiceItems extends ListCrudRepository<ServiceItem, Long> {

	Optional<ServiceItem> findByCode(String code);

	boolean existsByCode(String code);

	List<ServiceItem> findByDepartmentId(Long departmentId);

}
