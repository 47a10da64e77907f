package com.bpo.kit.pii;

import static com.bpo.kit.pii.PiiCipherTest.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reads {@link PiiConfig} through SmallRye Config, with the property names services will use. */
class PiiKeyRingTest {

    private static final String BRAND = "brand.zongzi";

    @Test
    void missingMasterKeyIsRefusedWithAClearMessage() {
        PiiConfig config = config(Map.of());

        assertThatThrownBy(() -> PiiKeyRing.fromConfig(config, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bpo.pii.master-key is not set")
                .hasMessageContaining("BPO_PII_MASTER_KEY");
    }

    @Test
    void shortMasterKeyIsRefused() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        PiiConfig config = config(Map.of("bpo.pii.master-key", shortKey));

        assertThatThrownBy(() -> PiiKeyRing.fromConfig(config, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bpo.pii.master-key decodes to 16 bytes")
                .message()
                .doesNotContain(shortKey);
    }

    @Test
    void masterKeyThatIsNotBase64IsRefused() {
        PiiConfig config = config(Map.of("bpo.pii.master-key", "this is not base64"));

        assertThatThrownBy(() -> PiiKeyRing.fromConfig(config, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bpo.pii.master-key is not valid base64")
                .message()
                .doesNotContain("this is not base64");
    }

    @Test
    void malformedBrandKeyIsRefusedNamingItsProperty() {
        PiiConfig config = config(Map.of(
                "bpo.pii.master-key", base64(key(1)), "bpo.pii.brand-keys.\"" + BRAND + "\"", base64(new byte[31])));

        assertThatThrownBy(() -> PiiKeyRing.fromConfig(config, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bpo.pii.brand-keys.\"" + BRAND + "\"");
    }

    @Test
    void missingMasterKeyInATestRunGetsAKeyOfItsOwn() {
        PiiConfig config = config(Map.of());

        PiiCipher first = new PiiCipher(PiiKeyRing.fromConfig(config, true));
        PiiCipher second = new PiiCipher(PiiKeyRing.fromConfig(config, true));
        byte[] ciphertext = first.encrypt(BRAND, "phone", "13812345678");

        assertThat(first.decrypt(BRAND, "phone", ciphertext)).isEqualTo("13812345678");
        assertThatThrownBy(() -> second.decrypt(BRAND, "phone", ciphertext)).isInstanceOf(PiiDecryptionException.class);
    }

    @Test
    void configuredMasterKeyIsUsedForTheDefaultVersionOne() {
        PiiCipher configured =
                new PiiCipher(PiiKeyRing.fromConfig(config(Map.of("bpo.pii.master-key", base64(key(1)))), false));
        PiiCipher built = new PiiCipher(
                PiiKeyRing.builder().currentVersion(1).masterKey(1, key(1)).build());

        byte[] ciphertext = built.encrypt(BRAND, "phone", "13812345678");

        assertThat(configured.currentKeyVersion()).isEqualTo(1);
        assertThat(configured.decrypt(BRAND, "phone", ciphertext)).isEqualTo("13812345678");
    }

    @Test
    void brandKeysAndRetiredKeysAreReadFromConfiguration() {
        PiiCipher beforeRotation = new PiiCipher(PiiKeyRing.builder()
                .currentVersion(1)
                .masterKey(1, key(1))
                .brandKey(1, BRAND, key(11))
                .build());
        byte[] oldBrandValue = beforeRotation.encrypt(BRAND, "phone", "13812345678");
        byte[] oldOtherValue = beforeRotation.encrypt("brand-other", "phone", "13987654321");
        Map<String, String> properties = new HashMap<>();
        properties.put("bpo.pii.key-version", "2");
        properties.put("bpo.pii.master-key", base64(key(2)));
        properties.put("bpo.pii.brand-keys.\"" + BRAND + "\"", base64(key(12)));
        properties.put("bpo.pii.retired-keys.\"1\".master-key", base64(key(1)));
        properties.put("bpo.pii.retired-keys.\"1\".brand-keys.\"" + BRAND + "\"", base64(key(11)));

        PiiCipher afterRotation = new PiiCipher(PiiKeyRing.fromConfig(config(properties), false));
        byte[] newBrandValue = afterRotation.encrypt(BRAND, "phone", "13700000000");

        assertThat(afterRotation.decrypt(BRAND, "phone", oldBrandValue)).isEqualTo("13812345678");
        assertThat(afterRotation.decrypt("brand-other", "phone", oldOtherValue)).isEqualTo("13987654321");
        assertThat(afterRotation.keyVersionOf(newBrandValue)).isEqualTo(2);
        PiiCipher explicitVersionTwoKey = new PiiCipher(PiiKeyRing.builder()
                .currentVersion(2)
                .masterKey(2, key(40))
                .brandKey(2, BRAND, key(12))
                .build());
        assertThat(explicitVersionTwoKey.decrypt(BRAND, "phone", newBrandValue)).isEqualTo("13700000000");
    }

    @Test
    void retiredVersionEqualToTheCurrentOneIsRefused() {
        PiiConfig config = config(Map.of(
                "bpo.pii.master-key", base64(key(1)),
                "bpo.pii.retired-keys.\"1\".master-key", base64(key(2))));

        assertThatThrownBy(() -> PiiKeyRing.fromConfig(config, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bpo.pii.retired-keys.\"1\"");
    }

    @Test
    void keyVersionOutsideOneToTwoHundredFiftyFiveIsRefused() {
        PiiConfig config = config(Map.of("bpo.pii.master-key", base64(key(1)), "bpo.pii.key-version", "256"));

        assertThatThrownBy(() -> PiiKeyRing.fromConfig(config, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bpo.pii.key-version");
    }

    @Test
    void builderRefusesKeysOfTheWrongLengthAndVersionsWithoutMasterKey() {
        assertThatThrownBy(() -> PiiKeyRing.builder().masterKey(1, new byte[24]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PiiKeyRing.builder()
                        .currentVersion(2)
                        .masterKey(1, key(1))
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2");
        assertThatThrownBy(() -> PiiKeyRing.builder()
                        .currentVersion(1)
                        .masterKey(1, key(1))
                        .brandKey(3, BRAND, key(3))
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("key version 3 has no master key");
    }

    @Test
    void keyRingDescriptionShowsVersionsButNoKeys() {
        PiiKeyRing ring = PiiKeyRing.fromConfig(config(Map.of("bpo.pii.master-key", base64(key(1)))), false);

        assertThat(ring.toString()).contains("currentVersion=1").doesNotContain(base64(key(1)));
    }

    private static PiiConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withMapping(PiiConfig.class)
                .build();
        return config.getConfigMapping(PiiConfig.class);
    }

    private static String base64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }
}
