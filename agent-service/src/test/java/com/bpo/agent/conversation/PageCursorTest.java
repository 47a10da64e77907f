package com.bpo.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorTest {

    @Test
    void aCursorReadsBackToTheSamePosition() {
        // Microseconds are what PostgreSQL keeps; an id may contain the separator.
        PageCursor cursor =
                new PageCursor(PageCursor.Order.STARTED, Instant.parse("2026-06-01T15:59:59.999999Z"), "conv|7 é");

        assertThat(PageCursor.decode(cursor.encode(), PageCursor.Order.STARTED)).isEqualTo(cursor);
    }

    @Test
    void aCursorIsUrlSafeText() {
        String token =
                new PageCursor(PageCursor.Order.ACTIVITY, Instant.parse("2026-06-01T00:00:00Z"), "???>>>").encode();

        assertThat(token).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aCursorOfTheOtherListIsRefused() {
        String token =
                new PageCursor(PageCursor.Order.ACTIVITY, Instant.parse("2026-06-01T00:00:00Z"), "conv-1").encode();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> PageCursor.decode(token, PageCursor.Order.STARTED))
                .withMessage("is not a cursor of this list");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "s|2026-06-01T00:00:00Z",
                "s|yesterday|conv-1",
                "s|2026-06-01T00:00:00Z|",
                "x|2026-06-01T00:00:00Z|c"
            })
    void aCursorWithMissingOrBrokenPartsIsRefused(String text) {
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));

        assertThatIllegalArgumentException().isThrownBy(() -> PageCursor.decode(token, PageCursor.Order.STARTED));
    }

    @Test
    void textThatIsNoBase64IsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PageCursor.decode("not a cursor!", PageCursor.Order.STARTED));
    }
}
