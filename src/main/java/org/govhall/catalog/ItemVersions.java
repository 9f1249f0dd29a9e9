package org.govhall.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface ItemVersions extends ListCrudRepository<ItemVersion, Long> {

	Optional<ItemVersion> findByItemIdAndVersionNo(Long itemId, int versionNo);

	List<ItemVersion> findByItemIdOrderByVersionNoDesc(Long itemId);

}
