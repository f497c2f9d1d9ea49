package io.tradingstack.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The embedded PostgreSQL superuser password: generated once (256 random bits), kept next to the
 * data directory in a file only the owner may read, and registered as a secret so no log shows it.
 */
final class PgPassword {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private PgPassword() {
    }

    /** The password file of a data directory: {@code <dir>.password} beside it (inside DATA_DIR). */
    static Path fileFor(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".password");
    }

    static boolean exists(Path dataDir) {
        return Files.exists(fileFor(dataDir));
    }

    /** Reads the password, creating it (owner-only from the first byte) when there is none yet. */
    static String readOrCreate(Path dataDir) {
        Path file = fileFor(dataDir);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            tighten(file);
            String password = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (password.length() < 16) {
                throw new IllegalStateException(file + " holds no usable password; delete it only together with "
                        + dataDir + " (a new database)");
            }
            Secrets.register(password);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL password file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.writeString(file, HexFormat.of().formatHex(bytes) + "\n", StandardCharsets.UTF_8);
    }

    /** A file copied or restored with wider permissions is narrowed again before use. */
    private static void tighten(Path file) throws IOException {
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }
}
