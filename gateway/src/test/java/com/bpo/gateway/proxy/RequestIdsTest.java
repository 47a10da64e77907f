package com.bpo.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"sim-42.7", "4bf92f3577b34da6a3ce929d0e0e4736", "req:1/2+3=4@x"})
    void plainTokensAreKept(String offered) {
        assertThat(RequestIds.keepOrCreate(offered)).isEqualTo(offered);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"two words", "line\r\nbreak", "<script>", "粽子"})
    void missingOrUnsafeIdsAreReplacedByAUuid(String offered) {
        String id = RequestIds.keepOrCreate(offered);

        assertThat(id).isNotEqualTo(offered);
        assertThat(UUID.fromString(id)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {129, 1000})
    void overlongIdsAreReplaced(int length) {
        assertThat(RequestIds.keepOrCreate("a".repeat(length))).hasSize(36);
    }
}
