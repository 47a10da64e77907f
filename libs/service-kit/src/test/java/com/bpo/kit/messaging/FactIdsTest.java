package com.bpo.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpo.contracts.EventIds;
import com.bpo.contracts.EventTypes;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FactIdsTest {

    @Test
    void idsAreTheContractsIdsForAnyTypeBrandAndNaturalKey() {
        SplittableRandom random = new SplittableRandom(7);
        String[] keys = {"m-1", "消息-42", "a|b|c", "x".repeat(128), "𠀀-emoji-😀", " "};
        for (int i = 0; i < 2_000; i++) {
            String type = i % 2 == 0 ? EventTypes.MESSAGE_SENT : EventTypes.CALL_ENDED;
            String brand = "brand-" + random.nextInt(1_000);
            String key = keys[random.nextInt(keys.length)] + random.nextLong();

            assertThat(FactIds.forFact(type, brand, key)).isEqualTo(EventIds.forFact(type, brand, key));
        }
    }

    @Test
    void idsComputedOnManyThreadsAtOnceAreStillTheContractsIds() {
        ConcurrentHashMap<Integer, String> wrong = new ConcurrentHashMap<>();

        IntStream.range(0, 20_000).parallel().forEach(i -> {
            String id = FactIds.forFact(EventTypes.MESSAGE_SENT, "brand-p", "m-" + i);
            if (!id.equals(EventIds.forFact(EventTypes.MESSAGE_SENT, "brand-p", "m-" + i))) {
                wrong.put(i, id);
            }
        });

        assertThat(wrong).isEmpty();
    }

    @Test
    void partsTheContractsRefuseAreRefused() {
        assertThatThrownBy(() -> FactIds.forFact("", "brand-a", "m-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FactIds.forFact(EventTypes.MESSAGE_SENT, "brand|a", "m-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("brandId");
        assertThatThrownBy(() -> FactIds.forFact(EventTypes.MESSAGE_SENT, "brand-a", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("naturalKey");
    }
}
