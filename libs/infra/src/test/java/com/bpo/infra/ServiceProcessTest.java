package com.bpo.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link ServiceStub} from a jar of its own, as a service's fast-jar would run. */
class ServiceProcessTest {

    @TempDir
    Path dir;

    private Path jar;
    private Path log;
    private ServiceProcess service;

    @BeforeEach
    void buildStubJar() throws IOException, URISyntaxException {
        jar = dir.resolve("stub-app/quarkus-run.jar");
        log = dir.resolve("logs/stub-service.log");
        Files.createDirectories(jar.getParent());
        Path classes = Path.of(ServiceStub.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        String packageDir = ServiceStub.class.getPackageName().replace('.', '/');
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, ServiceStub.class.getName());
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                Stream<Path> classFiles = Files.list(classes.resolve(packageDir))) {
            for (Path classFile : classFiles
                    .filter(path -> isStubClass(path.getFileName().toString()))
                    .toList()) {
                out.putNextEntry(new JarEntry(packageDir + "/" + classFile.getFileName()));
                out.write(Files.readAllBytes(classFile));
                out.closeEntry();
            }
        }
    }

    @AfterEach
    void stopService() {
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void startReturnsOnceTheServiceIsReadyAndPassesEnvironmentAndProperties() throws Exception {
        long begin = System.nanoTime();

        service = ServiceProcess.quarkusApp("stub-service", jar)
                .environment("STUB_GREETING", "ni hao")
                .systemProperty("stub.greeting", "hello")
                .systemProperty("stub.ready-after-ms", "1500")
                .maxHeap("64m")
                .logFile(log)
                .start();

        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(service.isAlive()).isTrue();
        assertThat(readinessStatus(service)).isEqualTo(200);
        assertThat(Files.readString(log))
                .contains("environment STUB_GREETING=ni hao")
                .contains("property stub.greeting=hello");
        assertThat(service.handle().info().commandLine().orElse(""))
                .contains("-Xmx64m", "-Dquarkus.http.port=" + service.port(), "-jar " + jar);
    }

    @Test
    void serviceThatExitsBeforeItIsReadyFailsNamingItselfAndItsLog() {
        assertThatThrownBy(() -> ServiceProcess.quarkusApp("stub-service", jar)
                        .systemProperty("stub.exit-code", "3")
                        .logFile(log)
                        .start())
                .isInstanceOf(InfraException.class)
                .hasMessageContaining("stub-service exited with code 3 before it was ready")
                .hasMessageContaining(log.toString())
                .hasMessageContaining("failing on purpose");
    }

    @Test
    void serviceThatNeverGetsReadyIsStoppedAndReported() {
        assertThatThrownBy(() -> ServiceProcess.quarkusApp("stub-service", jar)
                        .systemProperty("stub.ready-after-ms", "600000")
                        .startTimeout(Duration.ofSeconds(3))
                        .logFile(log)
                        .start())
                .isInstanceOf(InfraException.class)
                .hasMessageContaining("stub-service was not ready within 3 s")
                .hasMessageContaining(log.toString())
                .hasMessageContaining("serving");

        assertThat(stubProcessesStillRunning()).isZero();
    }

    @Test
    void stopEndsTheServiceWithSigterm() throws IOException {
        service = ServiceProcess.quarkusApp("stub-service", jar).logFile(log).start();
        int port = service.port();

        int exitCode = service.stop();

        assertThat(service.isAlive()).isFalse();
        assertThat(exitCode).isEqualTo(143);
        assertThat(Files.readString(log)).contains("stopping on SIGTERM");
        assertThat(Ports.accepts(Ports.LOOPBACK, port)).isFalse();
        assertThat(service.stop())
                .as("stopping again only reports the exit code")
                .isEqualTo(143);
    }

    @Test
    void stopKillsAServiceStuckAfterSigtermOnceTheGracePeriodEnds() throws IOException {
        service = ServiceProcess.quarkusApp("stub-service", jar)
                .systemProperty("stub.hang-on-term", "true")
                .stopGrace(Duration.ofSeconds(1))
                .logFile(log)
                .start();
        long begin = System.nanoTime();

        int exitCode = service.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(11));
        assertThat(service.isAlive()).isFalse();
        assertThat(exitCode).isEqualTo(137);
        assertThat(Files.readString(log)).contains("stopping on SIGTERM");
    }

    @Test
    void serviceStopsWhenTheProcessThatStartedItIsKilled() throws IOException {
        Process parent = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx64m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ServiceStubParent.class.getName(),
                        jar.toString(),
                        log.toString())
                .redirectErrorStream(true)
                .start();
        long servicePid;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("service pid "));
            assertThat(line).as("the parent's output").isNotNull();
            servicePid = Long.parseLong(line.substring("service pid ".length()));
        }
        ProcessHandle service = ProcessHandle.of(servicePid).orElseThrow();

        parent.destroyForcibly();

        await().atMost(Duration.ofSeconds(15)).until(() -> !service.isAlive());
        assertThat(Files.readString(log)).contains("stopping on SIGTERM");
    }

    @Test
    void aTakenPortFailsBeforeAnythingStarts() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 0, InetAddress.getByName(Ports.LOOPBACK))) {
            assertThatThrownBy(() -> ServiceProcess.quarkusApp("stub-service", jar)
                            .httpPort(taken.getLocalPort())
                            .logFile(log)
                            .start())
                    .isInstanceOf(InfraException.class)
                    .hasMessageContaining("stub-service HTTP port " + taken.getLocalPort() + " is already in use");
        }
        assertThat(log).doesNotExist();
    }

    @Test
    void aMissingJarIsReportedWithHowToBuildIt() {
        assertThatThrownBy(() -> ServiceProcess.quarkusApp("stub-service", dir.resolve("none/quarkus-run.jar"))
                        .logFile(log)
                        .start())
                .isInstanceOf(InfraException.class)
                .hasMessageContaining("stub-service: no runner jar at")
                .hasMessageContaining("package");
    }

    /** The stand-in's own class files, not those of other test classes whose names start alike. */
    private static boolean isStubClass(String fileName) {
        String stub = ServiceStub.class.getSimpleName();
        return fileName.equals(stub + ".class") || fileName.startsWith(stub + "$");
    }

    private static int readinessStatus(ServiceProcess service) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url() + "/q/health/ready"))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private long stubProcessesStillRunning() {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine().orElse("").contains(jar.toString()))
                .count();
    }
}
