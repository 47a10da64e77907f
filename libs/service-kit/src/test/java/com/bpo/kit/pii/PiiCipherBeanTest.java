package com.bpo.kit.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpo.testsupport.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The cipher as a service injects it: configured through bpo.pii.*, a random key in a test run without one. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class PiiCipherBeanTest {

    @Inject
    PiiCipher cipher;

    @Test
    void injectedCipherEncryptsForABrandAndRejectsAnotherBrand() {
        String ciphertext = cipher.encryptToText("bean-brand-a", "phone", "13812345678");

        assertThat(cipher.decryptText("bean-brand-a", "phone", ciphertext)).isEqualTo("13812345678");
        assertThatThrownBy(() -> cipher.decryptText("bean-brand-b", "phone", ciphertext))
                .isInstanceOf(PiiDecryptionException.class);
    }

    @Test
    void injectedCipherWritesTheConfiguredKeyVersion() {
        assertThat(cipher.keyVersionOf(cipher.encrypt("bean-brand-a", "name", "张三")))
                .isEqualTo(1);
    }
}
