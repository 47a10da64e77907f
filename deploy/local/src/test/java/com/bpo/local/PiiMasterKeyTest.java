package com.bpo.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PiiMasterKeyTest {

    @TempDir
    Path dir;

    @Test
    void theFirstCallCreatesA32ByteKeyReadableByTheUserOnly() throws Exception {
        Path secrets = dir.resolve("secrets");

        String key = PiiMasterKey.loadOrCreate(secrets);

        assertThat(Base64.getDecoder().decode(key)).hasSize(32);
        Path file = secrets.resolve(PiiMasterKey.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)))
                .isEqualTo("rwx------");
    }

    @Test
    void laterCallsKeepTheKeySoEncryptedDataStaysReadable() {
        Path secrets = dir.resolve("secrets");

        String first = PiiMasterKey.loadOrCreate(secrets);
        String second = PiiMasterKey.loadOrCreate(secrets);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void twoStacksGetDifferentKeys() {
        assertThat(PiiMasterKey.loadOrCreate(dir.resolve("a")))
                .isNotEqualTo(PiiMasterKey.loadOrCreate(dir.resolve("b")));
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedNamingTheFile() throws Exception {
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        Path file = Files.writeString(
                secrets.resolve(PiiMasterKey.FILE_NAME), Base64.getEncoder().encodeToString(new byte[16]));

        assertThatThrownBy(() -> PiiMasterKey.loadOrCreate(secrets))
                .isInstanceOf(StackException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("16 bytes");
    }

    @Test
    void aKeyThatIsNotBase64IsRefused() throws Exception {
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(secrets.resolve(PiiMasterKey.FILE_NAME), "not*base64!");

        assertThatThrownBy(() -> PiiMasterKey.loadOrCreate(secrets))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("not base64");
    }
}
