package org.govhall.storage;

import java.io.IOException;

/** Where the bytes of stored files live. Implementations must write atomically and never overwrite. */
public interface FileStore {

	void put(String id, byte[] content) throws IOException;

	byte[] get(String id) throws IOException;

}
