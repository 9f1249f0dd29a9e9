package org.govhall.support;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.govhall.storage.FileStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The disk of the shared test application ({@link GovHallTest}) as a test can make it
 * fail: while {@link #fail()} holds, every file written answers "no space left on
 * device", as a full or unmounted disk would; reading and deleting go on. The
 * application's own {@link FileStore} stays underneath, so nothing changes for the
 * classes that never fail it. A class that fails the disk heals it after each test
 * (cases/DocumentsNeverMissingTests).
 */
@TestConfiguration(proxyBeanMethods = false)
public class FailingDisk {

	private final AtomicBoolean failing = new AtomicBoolean();

	/** From now on every file written fails. */
	public void fail() {
		failing.set(true);
	}

	/** Files are written again. */
	public void heal() {
		failing.set(false);
	}

	boolean failing() {
		return failing.get();
	}

	@Bean
	static BeanPostProcessor failingDiskUnderTheFileStore(ObjectProvider<FailingDisk> disk) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof FileStore store) ? new Switched(store, disk) : bean;
			}

		};
	}

	private record Switched(FileStore store, ObjectProvider<FailingDisk> disk) implements FileStore {

		@Override
		public void put(String id, byte[] content) throws IOException {
			if (disk.getObject().failing()) {
				throw new IOException("no space left on device");
			}
			store.put(id, content);
		}

		@Override
		public byte[] get(String id) throws IOException {
			return store.get(id);
		}

		@Override
		public void delete(String id) throws IOException {
			store.delete(id);
		}

	}

}
