package com.bpo.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandTest {

    @Test
    void upKeepsDataAndBuildsByDefault() {
        assertThat(Command.parse("up")).isEqualTo(new Command.Up(false, true));
    }

    @Test
    void upTakesFreshAndNoBuildInAnyOrder() {
        assertThat(Command.parse("up", "--no-build", "--fresh")).isEqualTo(new Command.Up(true, false));
    }

    @Test
    void upRejectsAnUnknownOption() {
        assertThatThrownBy(() -> Command.parse("up", "--clean"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--clean");
    }

    @Test
    void logsTakesOneNameAndFollowBeforeOrAfterIt() {
        assertThat(Command.parse("logs", "agent-service")).isEqualTo(new Command.Logs("agent-service", false));
        assertThat(Command.parse("logs", "-f", "gateway")).isEqualTo(new Command.Logs("gateway", true));
        assertThat(Command.parse("logs", "kafka", "--follow")).isEqualTo(new Command.Logs("kafka", true));
    }

    @Test
    void logsWithoutANameOrWithTwoIsRejected() {
        assertThatThrownBy(() -> Command.parse("logs", "-f"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name one log");
        assertThatThrownBy(() -> Command.parse("logs", "gateway", "kafka"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statusAndDownTakeNoOptions() {
        assertThat(Command.parse("status")).isInstanceOf(Command.Status.class);
        assertThat(Command.parse("down")).isInstanceOf(Command.Down.class);
        assertThatThrownBy(() -> Command.parse("down", "--now"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("down: takes no options");
    }

    @Test
    void simulatePassesItsOptionsOnUnchanged() {
        assertThat(Command.parse("simulate", "--days", "1", "--speed", "3600"))
                .isEqualTo(new Command.Simulate(java.util.List.of("--days", "1", "--speed", "3600")));
    }

    @Test
    void anUnknownOrMissingCommandIsRejected() {
        assertThatThrownBy(() -> Command.parse("start"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown command: start");
        assertThatThrownBy(Command::parse)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no command given");
    }
}
