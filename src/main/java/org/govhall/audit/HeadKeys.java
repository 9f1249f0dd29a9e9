package org.govhall.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ed25519 key that signs chain heads (ADR 0018). It lives in a directory outside the
 * database ({@code govhall.audit.key-dir}): the private key as PKCS#8 PEM, the public key
 * as X.509 PEM beside it. Without a pinned public key (demo, development, tests) a
 * missing key is created on first start with a WARN line saying so. With
 * {@code govhall.audit.public-key} set (production), no key is ever created, and a key in
 * the directory that is not one of the pinned keys signs nothing: a substituted key is
 * detected, and heads signed by it fail verification.
 */
final class HeadKeys {

	static final String PRIVATE_FILE = "audit-head-ed25519.key";

	static final String PUBLIC_FILE = "audit-head-ed25519.pub";

	private static final Logger log = LoggerFactory.getLogger(HeadKeys.class);

	/**
	 * One monitor per directory for threads of this JVM; the file lock keeps other JVMs
	 * out.
	 */
	private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();

	private final Path dir;

	private final @Nullable PrivateKey privateKey;

	private final @Nullable PublicKey publicKey;

	private final Map<String, PublicKey> pinned;

	private final @Nullable String problem;

	private HeadKeys(Path dir, @Nullable PrivateKey privateKey, @Nullable PublicKey publicKey,
			Map<String, PublicKey> pinned, @Nullable String problem) {
		this.dir = dir;
		this.privateKey = privateKey;
		this.publicKey = publicKey;
		this.pinned = pinned;
		this.problem = problem;
	}

	/**
	 * Reads the key in {@code dir}, creating it first when it is missing and
	 * {@code create} allows it.
	 * @param pins the pinned public keys, Base64 of X.509 SubjectPublicKeyInfo (the PEM
	 * body), none to trust the key in the directory
	 */
	static HeadKeys open(Path dir, List<String> pins, boolean create) {
		Map<String, PublicKey> pinned = new LinkedHashMap<>();
		for (String pin : pins) {
			PublicKey key = publicKey(Base64.getMimeDecoder().decode(pem(pin)));
			pinned.put(keyId(key), key);
		}
		Path absolute = dir.toAbsolutePath().normalize();
		synchronized (MONITORS.computeIfAbsent(absolute, d -> new Object())) {
			try {
				if (create && !Files.exists(absolute.resolve(PRIVATE_FILE))) {
					createLocked(absolute);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot create the audit head key in " + absolute, ex);
			}
			return read(absolute, pinned);
		}
	}

	private static HeadKeys read(Path dir, Map<String, PublicKey> pinned) {
		Path privateFile = dir.resolve(PRIVATE_FILE);
		Path publicFile = dir.resolve(PUBLIC_FILE);
		PublicKey pub = null;
		PrivateKey priv = null;
		String problem = null;
		try {
			if (Files.exists(publicFile)) {
				pub = publicKey(Base64.getMimeDecoder().decode(pem(Files.readString(publicFile))));
			}
			if (Files.exists(privateFile)) {
				priv = KeyFactory.getInstance("Ed25519")
					.generatePrivate(new PKCS8EncodedKeySpec(
							Base64.getMimeDecoder().decode(pem(Files.readString(privateFile)))));
			}
		}
		catch (IOException | GeneralSecurityException | IllegalArgumentException ex) {
			problem = "the head-signing key in " + dir + " cannot be read: " + ex.getMessage();
		}
		if (problem == null && (priv == null || pub == null)) {
			problem = "there is no head-signing key in " + dir + " (" + PRIVATE_FILE + " and " + PUBLIC_FILE + ")"
					+ (pinned.isEmpty() ? "" : ", and none is created where a public key is pinned");
		}
		if (problem == null && !matches(priv, pub)) {
			problem = "the private key in " + dir + " does not belong to the public key beside it";
		}
		if (problem == null && !pinned.isEmpty() && !pinned.containsKey(keyId(pub))) {
			problem = "the head-signing key in " + dir + " (" + keyId(pub)
					+ ") is not the pinned key (govhall.audit.public-key): it was substituted";
		}
		return new HeadKeys(dir, priv, pub, Map.copyOf(pinned), problem);
	}

	private static void createLocked(Path dir) throws IOException {
		Files.createDirectories(dir);
		try (FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
			if (Files.exists(dir.resolve(PRIVATE_FILE))) {
				return; // another node created it meanwhile
			}
			KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
			write(dir, PUBLIC_FILE, armour("PUBLIC KEY", pair.getPublic().getEncoded()), false);
			write(dir, PRIVATE_FILE, armour("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
			log.warn("audit: created a new head-signing key (Ed25519) in {}, fingerprint {}, public key {}. "
					+ "This is for demo and development only: production sets govhall.audit.key-dir "
					+ "(GOVHALL_AUDIT_KEY_DIR) to its own key and pins its public key with govhall.audit.public-key "
					+ "(GOVHALL_AUDIT_PUBLIC_KEY)", dir, keyId(pair.getPublic()),
					Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("this JDK cannot make Ed25519 keys", ex);
		}
	}

	private static void write(Path dir, String name, String text, boolean secret) throws IOException {
		Path temp = Files.createTempFile(dir, name, ".tmp");
		if (secret) {
			try {
				Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the directory's own permissions protect it
			}
		}
		Files.writeString(temp, text, StandardCharsets.US_ASCII);
		try {
			Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException | FileAlreadyExistsException ex) {
			Files.move(temp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
		}
	}

	static String armour(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	/**
	 * The Base64 body of a PEM text (or the text itself when it has no armour), without
	 * white space.
	 */
	private static String pem(String text) {
		return text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
	}

	private static PublicKey publicKey(byte[] der) {
		try {
			return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("not an Ed25519 public key (X.509, Base64): " + ex.getMessage(), ex);
		}
	}

	private static boolean matches(PrivateKey priv, PublicKey pub) {
		byte[] probe = "govhall-audit-key-probe".getBytes(StandardCharsets.US_ASCII);
		return verify(pub, probe, sign(priv, probe));
	}

	static String keyId(PublicKey key) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] sign(PrivateKey key, byte[] message) {
		try {
			Signature s = Signature.getInstance("Ed25519");
			s.initSign(key);
			s.update(message);
			return s.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean verify(PublicKey key, byte[] message, byte[] signature) {
		try {
			Signature s = Signature.getInstance("Ed25519");
			s.initVerify(key);
			s.update(message);
			return s.verify(signature);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	Path dir() {
		return dir;
	}

	/** Why this key may not sign (missing, unreadable, not pinned), or none. */
	@Nullable String problem() {
		return problem;
	}

	boolean pinned() {
		return !pinned.isEmpty();
	}

	/** The public key in the directory, if there is one. */
	@Nullable PublicKey publicKey() {
		return publicKey;
	}

	/**
	 * Base64 of the public key in the directory (the PEM body, what
	 * {@code govhall.audit.public-key} pins).
	 */
	@Nullable String publicKeyBase64() {
		return publicKey == null ? null : Base64.getEncoder().encodeToString(publicKey.getEncoded());
	}

	@Nullable String publicKeyPem() {
		return publicKey == null ? null : armour("PUBLIC KEY", publicKey.getEncoded());
	}

	@Nullable String keyId() {
		return publicKey == null ? null : keyId(publicKey);
	}

	/** Signs a head; only when {@link #problem()} is none. */
	SignedHead sign(String chain, long seq, String hash, Instant at) {
		if (problem != null || privateKey == null || publicKey == null) {
			throw new IllegalStateException("audit: cannot sign a head: " + problem);
		}
		byte[] message = SignedHead.message(chain, seq, hash, at).getBytes(StandardCharsets.UTF_8);
		return new SignedHead(chain, seq, hash, at, keyId(publicKey),
				Base64.getEncoder().encodeToString(sign(privateKey, message)));
	}

	/**
	 * Checks a head's signature with the trusted keys: the pinned ones, or, where none is
	 * pinned, the key in the directory.
	 * @return why it is not valid, or none when it is
	 */
	@Nullable String check(SignedHead head) {
		Map<String, PublicKey> trusted = !pinned.isEmpty() ? pinned
				: publicKey == null ? Map.of() : Map.of(keyId(publicKey), publicKey);
		PublicKey key = trusted.get(head.keyId());
		if (key == null) {
			return "the head at seq " + head.seq() + " was signed with key " + head.keyId() + ", which is not "
					+ (pinned.isEmpty() ? "the key in " + dir : "a pinned key");
		}
		byte[] signature;
		try {
			signature = Base64.getDecoder().decode(head.signature());
		}
		catch (IllegalArgumentException ex) {
			signature = new byte[0];
		}
		if (!verify(key, head.messageBytes(), signature)) {
			return "the signature of the head at seq " + head.seq() + " (" + ChainHash.timestamp(head.signedAt())
					+ ") does not verify: it was forged or altered";
		}
		return null;
	}

}
