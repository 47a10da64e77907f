package com.bpo.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpo.kit.error.FieldError;
import com.bpo.kit.error.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConversationFilterTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void absentOrBlankParametersSelectEverythingFiftyAtATime() {
        ConversationFilter filter = ConversationFilter.parse(null, " ", "", null, null, null, null, null, null, null);

        assertThat(filter).isEqualTo(new ConversationFilter(null, null, null, null, null, null, null, null, 50, null));
        assertThat(filter.startsAt(SHANGHAI)).isNull();
        assertThat(filter.endsBefore(SHANGHAI)).isNull();
    }

    @Test
    void aDayIsTheWholeLocalDayInTheBrandsZone() {
        ConversationFilter filter =
                ConversationFilter.parse(null, null, "2026-06-02", null, null, null, null, null, null, null);

        assertThat(filter.day()).isEqualTo(LocalDate.of(2026, 6, 2));
        assertThat(filter.startsAt(SHANGHAI)).isEqualTo(Instant.parse("2026-06-01T16:00:00Z"));
        assertThat(filter.endsBefore(SHANGHAI)).isEqualTo(Instant.parse("2026-06-02T16:00:00Z"));
        // A day with a daylight-saving change is 23 hours long where the zone has one.
        assertThat(ConversationFilter.parse(null, null, "2026-03-08", null, null, null, null, null, null, null)
                        .endsBefore(ZoneId.of("America/New_York")))
                .isEqualTo(Instant.parse("2026-03-09T04:00:00Z"));
    }

    @Test
    void fromAndToKeepTheirInstantWhateverTheOffset() {
        ConversationFilter filter = ConversationFilter.parse(
                "2026-06-02T00:00:00+08:00",
                "2026-06-02T12:00:00Z",
                null,
                "shop-1",
                "vendor-1",
                "agent-1",
                "customer-1",
                "CLOSED",
                "500",
                null);

        assertThat(filter.startsAt(SHANGHAI)).isEqualTo(Instant.parse("2026-06-01T16:00:00Z"));
        assertThat(filter.endsBefore(SHANGHAI)).isEqualTo(Instant.parse("2026-06-02T12:00:00Z"));
        assertThat(filter.status()).isEqualTo(ConversationStatus.CLOSED);
        assertThat(filter.limit()).isEqualTo(500);
        assertThat(filter.shopId()).isEqualTo("shop-1");
    }

    @ParameterizedTest
    @CsvSource({
        "limit, 0",
        "limit, 501",
        "limit, 2.5",
        "status, closed",
        "from, 2026-06-01",
        "to, 2026-06-01T00:00:00",
        "day, 2026-02-30",
        "cursor, abc"
    })
    void aBadParameterIsNamed(String name, String value) {
        assertThatThrownBy(() -> ConversationFilter.parse(
                        name.equals("from") ? value : null,
                        name.equals("to") ? value : null,
                        name.equals("day") ? value : null,
                        null,
                        null,
                        null,
                        null,
                        name.equals("status") ? value : null,
                        name.equals("limit") ? value : null,
                        name.equals("cursor") ? value : null))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.errors()).extracting(FieldError::field).containsExactly(name);
                });
    }

    @Test
    void everyBadParameterIsNamedInOneAnswer() {
        assertThatThrownBy(() -> ConversationFilter.parse(
                        "2026-06-02T00:00:00Z",
                        "2026-06-01T00:00:00Z",
                        "2026-06-01",
                        null,
                        null,
                        null,
                        null,
                        "ANY",
                        "many",
                        null))
                .asInstanceOf(InstanceOfAssertFactories.type(ProblemException.class))
                .extracting(ProblemException::errors, InstanceOfAssertFactories.list(FieldError.class))
                .extracting(FieldError::field)
                .containsExactly("day", "to", "status", "limit");
    }

    @Test
    void anAgentsListShowsOpenConversationsUnlessAskedOtherwise() {
        assertThat(AgentConversationFilter.parse(null, null, null))
                .isEqualTo(new AgentConversationFilter(ConversationStatus.OPEN, 50, null));
        assertThat(AgentConversationFilter.parse("CLOSED", "10", null).status()).isEqualTo(ConversationStatus.CLOSED);
    }
}
