package com.bpo.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceBuildTest {

    private static final Instant BUILT = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path root;

    private final StackService gateway = StackServices.named("gateway");

    @BeforeEach
    void aBuiltRepository() throws Exception {
        file("pom.xml", BUILT.minusSeconds(3600));
        file("gateway/pom.xml", BUILT.minusSeconds(3600));
        file("gateway/src/main/java/Gateway.java", BUILT.minusSeconds(60));
        file("libs/contracts/src/main/java/Topics.java", BUILT.minusSeconds(60));
        file("gateway/target/quarkus-app/quarkus-run.jar", BUILT);
    }

    private void file(String path, Instant modified) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, path);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    @Test
    void aJarNewerThanEverySourceIsNotRebuilt() {
        assertThat(ServiceBuild.stale(root, List.of(gateway))).isEmpty();
    }

    @Test
    void aMissingJarIsBuilt() throws Exception {
        Files.delete(root.resolve("gateway/target/quarkus-app/quarkus-run.jar"));

        assertThat(ServiceBuild.stale(root, List.of(gateway))).containsExactly(gateway);
    }

    @Test
    void aChangedSourceOfTheServiceRebuildsIt() throws Exception {
        file("gateway/src/main/resources/application.properties", BUILT.plusSeconds(5));

        assertThat(ServiceBuild.stale(root, List.of(gateway))).containsExactly(gateway);
    }

    @Test
    void aChangedLibraryOrRootPomRebuildsIt() throws Exception {
        file("libs/contracts/src/main/java/Topics.java", BUILT.plusSeconds(5));
        assertThat(ServiceBuild.stale(root, List.of(gateway))).containsExactly(gateway);

        file("libs/contracts/src/main/java/Topics.java", BUILT.minusSeconds(5));
        file("pom.xml", BUILT.plusSeconds(5));
        assertThat(ServiceBuild.stale(root, List.of(gateway))).containsExactly(gateway);
    }

    @Test
    void aChangedConsoleRebuildsTheGatewayThatServesIt() throws Exception {
        StackService agentService = StackServices.named("agent-service");
        file("agent-service/src/main/java/Agent.java", BUILT.minusSeconds(60));
        file("agent-service/target/quarkus-app/quarkus-run.jar", BUILT);

        file("console/src/main/resources/META-INF/resources/console/index.html", BUILT.plusSeconds(5));

        assertThat(ServiceBuild.stale(root, List.of(gateway, agentService))).containsExactly(gateway);
    }

    @Test
    void testsAndBuildOutputDoNotCountAsSources() throws Exception {
        file("gateway/src/test/java/GatewayTest.java", BUILT.plusSeconds(5));
        file("gateway/target/classes/Gateway.class", BUILT.plusSeconds(5));
        file("libs/contracts/target/contracts.jar", BUILT.plusSeconds(5));

        assertThat(ServiceBuild.stale(root, List.of(gateway))).isEmpty();
    }
}
