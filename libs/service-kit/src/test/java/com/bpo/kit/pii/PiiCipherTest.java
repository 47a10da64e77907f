package com.bpo.kit.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PiiCipherTest {

    private static final String BRAND = "brand-zongzi";
    private static final String OTHER_BRAND = "brand-mooncake";
    private static final String PHONE = "phone";

    private final PiiCipher cipher = new PiiCipher(ringWithVersion(1, key(1)));

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "张三", "浙江省杭州市西湖区文三路477号", "", " ", "emoji 🥮🐉", "a\u0000b"})
    void roundTripRestoresThePlaintext(String plaintext) {
        byte[] ciphertext = cipher.encrypt(BRAND, PHONE, plaintext);

        assertThat(cipher.decrypt(BRAND, PHONE, ciphertext)).isEqualTo(plaintext);
    }

    @Test
    void longTextRoundTrips() {
        String text = "客服消息".repeat(5_000);

        assertThat(cipher.decrypt(BRAND, "message", cipher.encrypt(BRAND, "message", text)))
                .isEqualTo(text);
    }

    @Test
    void ciphertextCarriesFormatVersionKeyVersionIvAndTag() {
        String plaintext = "13812345678";

        byte[] ciphertext = cipher.encrypt(BRAND, PHONE, plaintext);

        assertThat(ciphertext[0]).isEqualTo((byte) 1);
        assertThat(ciphertext[1]).isEqualTo((byte) 1);
        assertThat(ciphertext).hasSize(2 + 12 + plaintext.getBytes(StandardCharsets.UTF_8).length + 16);
        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain(plaintext);
    }

    @Test
    void samePlaintextTwiceGivesDifferentCiphertexts() {
        byte[] first = cipher.encrypt(BRAND, PHONE, "13812345678");
        byte[] second = cipher.encrypt(BRAND, PHONE, "13812345678");

        assertThat(first).isNotEqualTo(second);
        assertThat(Arrays.copyOfRange(first, 2, 14)).isNotEqualTo(Arrays.copyOfRange(second, 2, 14));
    }

    @Test
    void valuesEncryptedOnManyThreadsAtOnceDecryptOnAnyThread() {
        // Each thread reuses its own Cipher; values written on one thread must read back on any other.
        List<byte[]> written = IntStream.range(0, 2_000)
                .parallel()
                .mapToObj(i -> cipher.encrypt(i % 2 == 0 ? BRAND : OTHER_BRAND, PHONE, "1381234" + i))
                .toList();

        List<String> read = IntStream.range(0, written.size())
                .parallel()
                .mapToObj(i -> cipher.decrypt(i % 2 == 0 ? BRAND : OTHER_BRAND, PHONE, written.get(i)))
                .toList();

        assertThat(read)
                .containsExactlyElementsOf(
                        IntStream.range(0, 2_000).mapToObj(i -> "1381234" + i).toList());
    }

    @Test
    void aFailedDecryptionLeavesTheThreadsCipherUsable() {
        byte[] value = cipher.encrypt(BRAND, PHONE, "13812345678");

        assertThatThrownBy(() -> cipher.decrypt(OTHER_BRAND, PHONE, value)).isInstanceOf(PiiDecryptionException.class);

        assertThat(cipher.decrypt(BRAND, PHONE, value)).isEqualTo("13812345678");
        assertThat(cipher.decrypt(BRAND, PHONE, cipher.encrypt(BRAND, PHONE, "021-12345678")))
                .isEqualTo("021-12345678");
    }

    @Test
    void differentBrandsEncryptUnderDifferentKeys() {
        // With the IV held fixed, only the key can make the two ciphertexts differ.
        PiiCipher fixedIv = new PiiCipher(ringWithVersion(1, key(1)), fixedRandom());

        byte[] forBrand = fixedIv.encrypt(BRAND, PHONE, "13812345678");
        byte[] forOtherBrand = fixedIv.encrypt(OTHER_BRAND, PHONE, "13812345678");

        assertThat(Arrays.copyOfRange(forBrand, 0, 14)).isEqualTo(Arrays.copyOfRange(forOtherBrand, 0, 14));
        assertThat(Arrays.copyOfRange(forBrand, 14, forBrand.length))
                .isNotEqualTo(Arrays.copyOfRange(forOtherBrand, 14, forOtherBrand.length));
    }

    @Test
    void valueCopiedToAnotherBrandIsRejected() {
        byte[] ciphertext = cipher.encrypt(BRAND, PHONE, "13812345678");

        assertThatThrownBy(() -> cipher.decrypt(OTHER_BRAND, PHONE, ciphertext))
                .isInstanceOf(PiiDecryptionException.class)
                .hasMessageContaining(OTHER_BRAND);
    }

    @Test
    void valueCopiedToAnotherFieldIsRejected() {
        byte[] ciphertext = cipher.encrypt(BRAND, PHONE, "13812345678");

        assertThatThrownBy(() -> cipher.decrypt(BRAND, "address", ciphertext))
                .isInstanceOf(PiiDecryptionException.class)
                .hasMessageContaining("address");
    }

    @Test
    void brandAndFieldAreBoundUnambiguously() {
        // "ab" + "c" and "a" + "bc" must not authenticate each other.
        byte[] ciphertext = cipher.encrypt("ab", "c", "secret");

        assertThatThrownBy(() -> cipher.decrypt("a", "bc", ciphertext)).isInstanceOf(PiiDecryptionException.class);
    }

    @Test
    void everySingleBitFlipAnywhereIsRejected() {
        byte[] ciphertext = cipher.encrypt(BRAND, PHONE, "13812345678");

        int rejected = 0;
        for (int bit = 0; bit < ciphertext.length * 8; bit++) {
            byte[] tampered = ciphertext.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThatThrownBy(() -> cipher.decrypt(BRAND, PHONE, tampered))
                    .as("bit %d", bit)
                    .isInstanceOf(PiiDecryptionException.class);
            rejected++;
        }
        assertThat(rejected).isEqualTo(ciphertext.length * 8);
    }

    @Test
    void everyTruncationIsRejected() {
        byte[] ciphertext = cipher.encrypt(BRAND, PHONE, "13812345678");

        for (int length = 0; length < ciphertext.length; length++) {
            byte[] truncated = Arrays.copyOf(ciphertext, length);
            assertThatThrownBy(() -> cipher.decrypt(BRAND, PHONE, truncated))
                    .as("length %d", length)
                    .isInstanceOf(PiiDecryptionException.class);
        }
    }

    @Test
    void appendedBytesAreRejected() {
        byte[] ciphertext = cipher.encrypt(BRAND, PHONE, "13812345678");

        byte[] extended = Arrays.copyOf(ciphertext, ciphertext.length + 1);

        assertThatThrownBy(() -> cipher.decrypt(BRAND, PHONE, extended)).isInstanceOf(PiiDecryptionException.class);
    }

    @Test
    void valueWrittenWithAnUnconfiguredKeyVersionIsRejected() {
        byte[] written = new PiiCipher(ringWithVersion(7, key(1))).encrypt(BRAND, PHONE, "13812345678");

        assertThatThrownBy(() -> cipher.decrypt(BRAND, PHONE, written))
                .isInstanceOf(PiiDecryptionException.class)
                .hasMessageContaining("key version 7");
    }

    @Test
    void valuesWrittenUnderARetiredKeyVersionStillDecryptAfterRotation() {
        byte[] writtenBeforeRotation = cipher.encrypt(BRAND, PHONE, "13812345678");
        PiiCipher rotated = new PiiCipher(PiiKeyRing.builder()
                .currentVersion(2)
                .masterKey(2, key(2))
                .masterKey(1, key(1))
                .build());

        byte[] writtenAfterRotation = rotated.encrypt(BRAND, PHONE, "13987654321");

        assertThat(rotated.decrypt(BRAND, PHONE, writtenBeforeRotation)).isEqualTo("13812345678");
        assertThat(rotated.keyVersionOf(writtenAfterRotation)).isEqualTo(2);
        assertThat(rotated.decrypt(BRAND, PHONE, writtenAfterRotation)).isEqualTo("13987654321");
        assertThatThrownBy(() -> cipher.decrypt(BRAND, PHONE, writtenAfterRotation))
                .isInstanceOf(PiiDecryptionException.class);
    }

    @Test
    void reencryptMovesAnOldValueToTheCurrentKeyVersion() {
        byte[] old = cipher.encrypt(BRAND, PHONE, "13812345678");
        PiiCipher rotated = new PiiCipher(PiiKeyRing.builder()
                .currentVersion(2)
                .masterKey(2, key(2))
                .masterKey(1, key(1))
                .build());

        byte[] moved = rotated.reencrypt(BRAND, PHONE, old);

        assertThat(rotated.keyVersionOf(moved)).isEqualTo(2);
        assertThat(rotated.decrypt(BRAND, PHONE, moved)).isEqualTo("13812345678");
        assertThat(rotated.reencrypt(BRAND, PHONE, moved)).isSameAs(moved);
    }

    @Test
    void explicitBrandKeyReplacesTheDerivedKeyForThatBrandOnly() {
        PiiCipher withBrandKey = new PiiCipher(PiiKeyRing.builder()
                .currentVersion(1)
                .masterKey(1, key(1))
                .brandKey(1, BRAND, key(9))
                .build());
        PiiCipher brandKeyUnderAnotherMaster = new PiiCipher(PiiKeyRing.builder()
                .currentVersion(1)
                .masterKey(1, key(5))
                .brandKey(1, BRAND, key(9))
                .build());

        byte[] brandValue = withBrandKey.encrypt(BRAND, PHONE, "13812345678");
        byte[] otherBrandValue = withBrandKey.encrypt(OTHER_BRAND, PHONE, "13987654321");

        assertThat(brandKeyUnderAnotherMaster.decrypt(BRAND, PHONE, brandValue)).isEqualTo("13812345678");
        assertThatThrownBy(() -> cipher.decrypt(BRAND, PHONE, brandValue)).isInstanceOf(PiiDecryptionException.class);
        assertThat(cipher.decrypt(OTHER_BRAND, PHONE, otherBrandValue)).isEqualTo("13987654321");
    }

    @Test
    void derivedBrandKeyIsHkdfOfTheMasterKeyWithBrandAndVersionAsInfo() {
        byte[] expectedKey =
                Hkdf.sha256(key(1), new byte[0], ("bpo-pii|" + BRAND + "|v1").getBytes(StandardCharsets.UTF_8), 32);
        PiiCipher explicit = new PiiCipher(PiiKeyRing.builder()
                .currentVersion(1)
                .masterKey(1, key(3))
                .brandKey(1, BRAND, expectedKey)
                .build());

        byte[] derivedCiphertext = cipher.encrypt(BRAND, PHONE, "13812345678");

        assertThat(explicit.decrypt(BRAND, PHONE, derivedCiphertext)).isEqualTo("13812345678");
    }

    @Test
    void base64TextRoundTrips() {
        String text = cipher.encryptToText(BRAND, "name", "张三");

        assertThat(Base64.getDecoder().decode(text)).hasSizeGreaterThan(30);
        assertThat(cipher.decryptText(BRAND, "name", text)).isEqualTo("张三");
    }

    @Test
    void textThatIsNotBase64IsRejected() {
        assertThatThrownBy(() -> cipher.decryptText(BRAND, "name", "not base64!"))
                .isInstanceOf(PiiDecryptionException.class);
    }

    @Test
    void nullStandsForNoValue() {
        assertThat(cipher.encrypt(BRAND, PHONE, null)).isNull();
        assertThat(cipher.encryptToText(BRAND, PHONE, null)).isNull();
        assertThat(cipher.decrypt(BRAND, PHONE, null)).isNull();
        assertThat(cipher.decryptText(BRAND, PHONE, null)).isNull();
    }

    @Test
    void blankBrandOrFieldIsRefused() {
        assertThatThrownBy(() -> cipher.encrypt(" ", PHONE, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.encrypt(BRAND, null, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decrypt(null, PHONE, new byte[40]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failureMessageNeverContainsThePlaintext() {
        byte[] ciphertext = cipher.encrypt(BRAND, PHONE, "13812345678");
        ciphertext[ciphertext.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt(BRAND, PHONE, ciphertext))
                .isInstanceOf(PiiDecryptionException.class)
                .message()
                .doesNotContain("13812345678")
                .contains(PHONE);
    }

    @Test
    void cipherDescriptionShowsNoKeyMaterial() {
        assertThat(cipher.toString())
                .contains("currentVersion=1")
                .doesNotContain(Base64.getEncoder().encodeToString(key(1)));
    }

    static byte[] key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return key;
    }

    private static PiiKeyRing ringWithVersion(int version, byte[] masterKey) {
        return PiiKeyRing.builder()
                .currentVersion(version)
                .masterKey(version, masterKey)
                .build();
    }

    private static SecureRandom fixedRandom() {
        return new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                Arrays.fill(bytes, (byte) 7);
            }
        };
    }
}
