package org.govhall.directory;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface ServiceWindows extends ListCrudRepository<ServiceWindow, Long> {

	List<ServiceWindow> findByHallId(Long hallId);

	boolean existsByHallIdAndNumber(Long hallId, String number);

}
