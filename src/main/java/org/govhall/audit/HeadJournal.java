package org.govhall.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The head journal beside the signing key (ADR 0018): one append-only file per chain,
 * {@code heads-<chain>.journal}, with a line per signed head:
 * {@code chain seq hash time keyId signature}. It is the sealer's witness outside the
 * database of the highest seq ever sealed: a database whose chain ends before the
 * journal's head, or no longer has its hash there, was cut or rewritten.
 */
final class HeadJournal {

	private static final Pattern FILE = Pattern.compile("heads-([0-9a-f-]{36})\\.journal");

	/** Enough for the last few hundred heads: the highest is among them. */
	private static final int TAIL = 64 * 1024;

	private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();

	private final Path dir;

	HeadJournal(Path dir) {
		this.dir = dir.toAbsolutePath().normalize();
	}

	Path file(String chain) {
		return dir.resolve("heads-" + chain + ".journal");
	}

	/**
	 * Creates the chain's journal, empty, so that the chain is known here before its
	 * first head is signed.
	 */
	void start(String chain) {
		try {
			Files.createDirectories(dir);
			if (!Files.exists(file(chain))) {
				Files.createFile(file(chain));
			}
		}
		catch (FileAlreadyExistsException ex) {
			// another node started it
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create the audit head journal " + file(chain), ex);
		}
	}

	/** Appends a head and forces it to the disk before returning. */
	void append(SignedHead head) {
		Path file = file(head.chain());
		String line = head.chain() + " " + head.seq() + " " + head.hash() + " " + ChainHash.timestamp(head.signedAt())
				+ " " + head.keyId() + " " + head.signature() + "\n";
		synchronized (MONITORS.computeIfAbsent(file, f -> new Object())) {
			try {
				Files.createDirectories(dir);
				try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
						StandardOpenOption.APPEND); FileLock lock = channel.lock()) {
					channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
					channel.force(true);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot write the audit head journal " + file, ex);
			}
		}
	}

	/**
	 * The head with the highest seq (the latest of equals) among the journal's last
	 * lines, if any.
	 */
	Optional<SignedHead> highest(String chain) {
		Path file = file(chain);
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		String tail;
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			long size = channel.size();
			long from = Math.max(0, size - TAIL);
			ByteBuffer buffer = ByteBuffer.allocate((int) (size - from));
			channel.read(buffer, from);
			tail = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
			if (from > 0) {
				tail = tail.substring(tail.indexOf('\n') + 1);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the audit head journal " + file, ex);
		}
		SignedHead best = null;
		for (String line : tail.split("\n")) {
			SignedHead head = parse(line);
			if (head != null && head.chain().equals(chain) && (best == null || head.seq() > best.seq()
					|| head.seq() == best.seq() && head.signedAt().isAfter(best.signedAt()))) {
				best = head;
			}
		}
		return Optional.ofNullable(best);
	}

	/** The chains this directory holds a journal of. */
	List<String> chains() {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.map(p -> FILE.matcher(p.getFileName().toString()))
				.filter(Matcher::matches)
				.map(m -> m.group(1))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list " + dir, ex);
		}
	}

	private static @Nullable SignedHead parse(String line) {
		String[] f = line.strip().split(" ");
		if (f.length != 6) {
			return null;
		}
		try {
			return new SignedHead(f[0], Long.parseLong(f[1]), f[2], Instant.parse(f[3]), f[4], f[5]);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
