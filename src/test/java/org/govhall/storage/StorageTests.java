package org.govhall.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.flywaydb.core.Flyway;
import org.govhall.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class StorageTests {

	static final byte[] PDF = "%PDF-1.4\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);

	static final byte[] PNG = { (byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 };

	static final byte[] ZIP = { 0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0 };

	@Test
	void recognisesTypesByTheirLeadingBytesNotByTheirNames() {
		assertThat(Storage.contentType("form.pdf", PDF)).contains("application/pdf");
		assertThat(Storage.contentType("photo.pdf", PNG)).contains("image/png");
		assertThat(Storage.contentType("x.jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 }))
			.contains("image/jpeg");
		assertThat(Storage.contentType("申请表.docx", ZIP)).get().asString().contains("wordprocessingml");
		assertThat(Storage.contentType("table.xlsx", ZIP)).get().asString().contains("spreadsheetml");
		assertThat(Storage.contentType("archive.zip", ZIP)).isEmpty();
		assertThat(Storage.contentType("evil.pdf", "<script>alert(1)</script>".getBytes())).isEmpty();
		assertThat(Storage.contentType("tiny.pdf", new byte[] { 0x25 })).isEmpty();
	}

	@Test
	void reducesNamesToASafeBaseName() {
		assertThat(Storage.safeName("../../etc/passwd")).isEqualTo("passwd");
		assertThat(Storage.safeName("C:\\Users\\x\\申请表.pdf")).isEqualTo("申请表.pdf");
		assertThat(Storage.safeName("..hidden.pdf")).isEqualTo("hidden.pdf");
		assertThat(Storage.safeName("a\u0000b<>:\"|?*.pdf")).isEqualTo("ab.pdf");
		assertThat(Storage.safeName("")).isEqualTo("file");
		assertThat(Storage.safeName("x".repeat(300) + ".pdf")).hasSize(200).endsWith(".pdf");
	}

	@Test
	void storesBytesAndMetadataWithTheirSha256(@TempDir Path dir) {
		Storage storage = storage(dir);
		StoredFile file = storage.store("../表格.pdf", PDF);
		assertThat(file.name()).isEqualTo("表格.pdf");
		assertThat(file.contentType()).isEqualTo("application/pdf");
		assertThat(file.size()).isEqualTo(PDF.length);
		assertThat(file.sha256()).isEqualTo(Storage.sha256(PDF)).hasSize(64);
		assertThat(storage.find(file.id())).contains(file);
		assertThat(storage.read(file)).isEqualTo(PDF);
	}

	@Test
	void refusesEmptyOversizedAndUnknownFilesAndStoresNothing(@TempDir Path dir) {
		Storage storage = storage(dir);
		assertThatThrownBy(() -> storage.store("a.pdf", new byte[0])).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> storage.store("a.txt", "hello".getBytes())).isInstanceOf(InvalidInputException.class);
		byte[] big = new byte[Storage.MAX_SIZE + 1];
		System.arraycopy(PDF, 0, big, 0, PDF.length);
		assertThatThrownBy(() -> storage.store("big.pdf", big)).isInstanceOf(InvalidInputException.class);
		assertThat(dir.resolve("files").toFile().exists()).isFalse();
	}

	@Test
	void findsNothingForMalformedOrUnknownIds(@TempDir Path dir) {
		Storage storage = storage(dir);
		assertThat(storage.find("../../x")).isEmpty();
		assertThat(storage.find("00000000-0000-0000-0000-000000000000")).isEmpty();
	}

	private static Storage storage(Path dir) {
		DriverManagerDataSource ds = new DriverManagerDataSource(
				"jdbc:h2:mem:storage-" + System.nanoTime() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1", "sa", "");
		JdbcClient jdbc = JdbcClient.create(ds);
		Flyway.configure().dataSource(ds).locations("classpath:db/migration/storage").load().migrate();
		return new Storage(jdbc, new LocalDiskFileStore(dir.resolve("files")),
				Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC));
	}

}
