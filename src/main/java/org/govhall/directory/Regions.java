package org.govhall.directory;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface Regions extends ListCrudRepository<Region, String> {

	List<Region> findByParentCode(String parentCode);

}
