package com.bpo.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void nameBasedMatchesTheRfc9562Example() {
        // RFC 9562, appendix A.4: UUIDv5 of the DNS namespace and "www.example.com".
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        assertThat(EventIds.nameBased(dns, "www.example.com"))
                .isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
    }

    @Test
    void platformNamespaceIsDerivedAsDocumented() {
        assertThat(EventIds.nameBased(EventIds.URL_NAMESPACE, "https://bpo-platform/events"))
                .isEqualTo(EventIds.PLATFORM_NAMESPACE);
    }

    @Test
    void factIdIsStableAcrossRuns() {
        // Computed independently (Python uuid.uuid5); must never change, or re-sent facts would be counted twice.
        assertThat(EventIds.forFact(EventTypes.MESSAGE_SENT, "brand-zongzi", "tmall-msg-000042"))
                .isEqualTo("d3946f71-c0b8-5a97-99bc-00af7f771e4f");
        assertThat(EventIds.forFact(EventTypes.ORDER_CHANGED, "品牌", "订单-1"))
                .isEqualTo("d3bb3630-6423-54dc-992d-d8346266e301");
    }

    @Test
    void sameFactGivesTheSameId() {
        assertThat(EventIds.forFact(EventTypes.CALL_ENDED, "brand-a", "call-1"))
                .isEqualTo(EventIds.forFact(EventTypes.CALL_ENDED, "brand-a", "call-1"));
    }

    @Test
    void differentBrandKeyOrTypeGivesADifferentId() {
        String id = EventIds.forFact(EventTypes.MESSAGE_SENT, "brand-a", "msg-1");

        assertThat(EventIds.forFact(EventTypes.MESSAGE_SENT, "brand-b", "msg-1"))
                .isNotEqualTo(id);
        assertThat(EventIds.forFact(EventTypes.MESSAGE_SENT, "brand-a", "msg-2"))
                .isNotEqualTo(id);
        assertThat(EventIds.forFact(EventTypes.CALL_ENDED, "brand-a", "msg-1")).isNotEqualTo(id);
    }

    @Test
    void factIdHasVersion5AndTheRfcVariant() {
        UUID id = EventIds.uuidForFact(EventTypes.RATING_RECEIVED, "brand-a", "rating-9");

        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void separatorInBrandIsRejectedSoThatTwoFactsCannotShareAName() {
        // "a|b" + "c" and "a" + "b|c" would otherwise both hash "type|a|b|c".
        assertThatThrownBy(() -> EventIds.forFact(EventTypes.MESSAGE_SENT, "a|b", "c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("brandId");
    }

    @Test
    void separatorInNaturalKeyIsAllowed() {
        assertThat(EventIds.forFact(EventTypes.MESSAGE_SENT, "a", "b|c"))
                .isNotEqualTo(EventIds.forFact(EventTypes.MESSAGE_SENT, "a", "b|d"));
    }

    @Test
    void emptyPartsAreRejected() {
        assertThatThrownBy(() -> EventIds.forFact("", "brand", "key")).hasMessageContaining("type");
        assertThatThrownBy(() -> EventIds.forFact(EventTypes.MESSAGE_SENT, null, "key"))
                .hasMessageContaining("brandId");
        assertThatThrownBy(() -> EventIds.forFact(EventTypes.MESSAGE_SENT, "brand", ""))
                .hasMessageContaining("naturalKey");
    }
}
