package com.bpo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandLineOptionsTest {

    private static CommandLineOptions read(String... args) {
        return CommandLineOptions.read(args, Set.of("--jfr"), Set.of("--events", "--rate", "--freshness", "--heap"));
    }

    @Test
    void givenOptionsAndFlagsWinOverTheDefaults() {
        CommandLineOptions line = read("--events", "3_000_000", "--jfr", "--freshness", "500ms", "--heap", "1g");

        assertThat(line.number("--events", 5)).isEqualTo(3_000_000L);
        assertThat(line.integer("--rate", 10_000)).isEqualTo(10_000);
        assertThat(line.duration("--freshness", Duration.ofSeconds(60))).isEqualTo(Duration.ofMillis(500));
        assertThat(line.heapSize("--heap", "512m")).isEqualTo("1g");
        assertThat(line.flag("--jfr", false)).isTrue();
        assertThat(read().flag("--jfr", false)).isFalse();
    }

    @Test
    void unknownOptionsMissingValuesAndMalformedValuesAreRefusedByName() {
        assertThatThrownBy(() -> read("--speed", "3")).hasMessage("unknown option: --speed");
        assertThatThrownBy(() -> read("--events")).hasMessage("missing value: --events");
        assertThatThrownBy(() -> read("--events", "many").number("--events", 1))
                .hasMessage("--events takes a whole number: many");
        assertThatThrownBy(() -> read("--freshness", "1h").duration("--freshness", Duration.ZERO))
                .hasMessageContaining("--freshness takes a duration like 500ms, 60s or 2m");
        assertThatThrownBy(() -> read("--heap", "lots").heapSize("--heap", "1g"))
                .hasMessageContaining("--heap takes a size like 512m or 1g");
    }
}
