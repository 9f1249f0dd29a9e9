package org.govhall.storage;

import java.io.IOException;

/**
 * Where the bytes of stored files live. Implementations must write atomically and never
 * overwrite.
 */
public interface FileStore {

	void put(String id, byte[] content) throws IOException;

	byte[] get(String id) throws IOException;

	/** Removes the bytes of a file; a file that is not there is no error. */
	void delete(String id) throws IOException;

}
