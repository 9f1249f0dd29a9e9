package org.govhall.directory;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface Halls extends ListCrudRepository<Hall, Long> {

	List<Hall> findByRegionCode(String regionCode);

}
