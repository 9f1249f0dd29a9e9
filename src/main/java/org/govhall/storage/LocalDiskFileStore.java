package org.govhall.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.stereotype.Component;

/**
 * Keeps files on local disk under {@code govhall.storage.dir} (default ./data/files), two
 * levels of fan-out.
 */
@Component
@ConditionalOnMissingBean(value = FileStore.class, ignored = LocalDiskFileStore.class)
class LocalDiskFileStore implements FileStore {

	private final Path root;

	@Autowired
	LocalDiskFileStore(StorageSettings settings) {
		this(settings.dir());
	}

	LocalDiskFileStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	@Override
	public void put(String id, byte[] content) throws IOException {
		Path target = path(id);
		Files.createDirectories(target.getParent());
		Path temp = Files.createTempFile(target.getParent(), ".upload", ".tmp");
		Files.write(temp, content);
		Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
	}

	@Override
	public byte[] get(String id) throws IOException {
		return Files.readAllBytes(path(id));
	}

	@Override
	public void delete(String id) throws IOException {
		Files.deleteIfExists(path(id));
	}

	private Path path(String id) {
		if (!id.matches("[0-9a-f-]{36}")) {
			throw new IllegalArgumentException("not a file id");
		}
		return root.resolve(id.substring(0, 2)).resolve(id.substring(2, 4)).resolve(id);
	}

}
