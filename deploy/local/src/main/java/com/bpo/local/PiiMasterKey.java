package com.bpo.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local stack's PII master key ({@code bpo.pii.master-key}): generated once into {@code .bpo/secrets}, readable by
 * the user only, and kept across {@code down}/{@code up} so that encrypted customer data stays readable.
 */
public final class PiiMasterKey {

    static final String FILE_NAME = "pii-master-key";
    private static final int KEY_BYTES = 32;

    private PiiMasterKey() {}

    /** The key in {@code secretsDir}, created first if there is none; base64 of 32 bytes. */
    public static String loadOrCreate(Path secretsDir) {
        Path file = secretsDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            createPrivateDirectory(secretsDir);
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            Path temp = secretsDir.resolve(FILE_NAME + ".tmp");
            Files.deleteIfExists(temp);
            // The file is private before the key is written into it.
            Files.createFile(temp);
            restrictToOwner(temp, "rw-------");
            Files.writeString(temp, encoded + "\n", StandardCharsets.US_ASCII);
            Files.move(temp, file);
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the PII master key in " + secretsDir, e);
        }
    }

    private static String read(Path file) throws IOException {
        String encoded = Files.readString(file, StandardCharsets.US_ASCII).trim();
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new StackException(file + " is not base64; delete it to generate a new key"
                    + " (customer data encrypted with the old key becomes unreadable)");
        }
        if (key.length != KEY_BYTES) {
            throw new StackException(
                    file + " holds " + key.length + " bytes, not " + KEY_BYTES
                            + "; delete it to generate a new key (customer data encrypted with the old key becomes unreadable)");
        }
        return encoded;
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        restrictToOwner(dir, "rwx------");
    }

    private static void restrictToOwner(Path path, String permissions) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
