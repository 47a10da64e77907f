package com.bpo.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackEnvironmentTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void withoutTheVariablesItIsTheDevelopersStack() {
        StackEnvironment environment = StackEnvironment.read(ROOT, Map.of("HOME", "/root"));

        assertThat(environment.paths().home()).isEqualTo(Path.of("/repo/.bpo"));
        assertThat(environment.portOffset()).isZero();
        assertThat(environment).isEqualTo(StackEnvironment.defaults(ROOT));
    }

    @Test
    void emptyVariablesKeepTheDefaults() {
        StackEnvironment environment = StackEnvironment.read(
                ROOT, Map.of(StackEnvironment.HOME_VARIABLE, "", StackEnvironment.PORT_OFFSET_VARIABLE, " "));

        assertThat(environment).isEqualTo(StackEnvironment.defaults(ROOT));
    }

    @Test
    void theHomeVariableMovesEveryFileOfTheStack() {
        StackEnvironment environment = StackEnvironment.read(
                ROOT, Map.of(StackEnvironment.HOME_VARIABLE, "/repo/system-tests/target/local-stack"));

        StackPaths paths = environment.paths();
        assertThat(paths.root()).isEqualTo(ROOT);
        assertThat(paths.data()).isEqualTo(Path.of("/repo/system-tests/target/local-stack/data"));
        assertThat(paths.infraState()).isEqualTo(Path.of("/repo/system-tests/target/local-stack/infra"));
        assertThat(paths.stackState()).isEqualTo(Path.of("/repo/system-tests/target/local-stack/stack.json"));
        assertThat(paths.secrets()).isEqualTo(Path.of("/repo/system-tests/target/local-stack/secrets"));
        assertThat(paths.supervisorLog()).isEqualTo(Path.of("/repo/system-tests/target/local-stack/logs/stack.log"));
        assertThat(paths.runDir()).isEqualTo(Path.of("/repo/system-tests/target/local-stack/run"));
        // The realm file and the jars stay the repository's.
        assertThat(paths.realmFile()).isEqualTo(Path.of("/repo/deploy/keycloak/bpo-realm.json"));
    }

    @Test
    void aRelativeHomeIsTakenFromTheCurrentFolder() {
        StackEnvironment environment =
                StackEnvironment.read(ROOT, Map.of(StackEnvironment.HOME_VARIABLE, "target/other-stack"));

        assertThat(environment.paths().home())
                .isEqualTo(Path.of("target/other-stack").toAbsolutePath().normalize());
    }

    @Test
    void theOffsetIsReadAsAWholeNumber() {
        StackEnvironment environment =
                StackEnvironment.read(ROOT, Map.of(StackEnvironment.PORT_OFFSET_VARIABLE, " 20000 "));

        assertThat(environment.portOffset()).isEqualTo(20000);
    }

    @Test
    void anOffsetThatIsNotAWholeNumberNamesTheVariable() {
        assertThatThrownBy(() -> StackEnvironment.read(ROOT, Map.of(StackEnvironment.PORT_OFFSET_VARIABLE, "twenty")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BPO_STACK_PORT_OFFSET")
                .hasMessageContaining("'twenty'");
    }

    @Test
    void anOffsetThatPushesAPortPast65535OrBelowItsOwnIsRefused() {
        assertThatThrownBy(() -> StackEnvironment.read(ROOT, Map.of(StackEnvironment.PORT_OFFSET_VARIABLE, "50000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BPO_STACK_PORT_OFFSET must be from 0 to 46443, got 50000");
        assertThatThrownBy(() -> StackEnvironment.read(ROOT, Map.of(StackEnvironment.PORT_OFFSET_VARIABLE, "-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got -1");
    }
}
