package com.bpo.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Keycloak started with {@code kc.sh start --optimized} from an instance directory of its own: {@code bin/kc.sh} and
 * {@code data/} are the instance's, {@code lib}, {@code conf}, {@code providers} and {@code themes} link to the shared,
 * already built distribution. So several Keycloaks (a test build next to the local stack) never share a database.
 */
final class KeycloakServer implements HostedServer {

    private static final List<String> SHARED = List.of("lib", "conf", "providers", "themes");

    static final String ADMIN = "admin";

    private final DaemonContext context;
    private Process keycloak;
    private Watchdog watchdog;

    KeycloakServer(DaemonContext context) {
        this.context = context;
    }

    @Override
    public Started start() throws Exception {
        int port = Ports.orFree(context.spec().port());
        Ports.requireFree(port, "Keycloak");
        int managementPort = Ports.free();
        Path home = KeycloakInstall.prepare();
        Path instance = context.dataDir();
        layOut(home, instance);
        List<String> realms = importRealms(instance);
        String adminPassword = Secrets.readOrCreate(instance.resolve("admin.password"));

        List<String> command = new ArrayList<>(List.of(
                "sh",
                instance.resolve("bin/kc.sh").toString(),
                "start",
                "--optimized",
                "--http-enabled=true",
                "--http-host=" + Ports.LOOPBACK,
                "--http-port=" + port,
                "--http-management-port=" + managementPort,
                "--hostname-strict=false",
                "--cache=local"));
        if (!realms.isEmpty()) {
            command.add("--import-realm");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .inheritIO();
        KeycloakInstall.environment(builder);
        // Only read when the database is new; later starts keep the first administrator.
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        long begin = System.nanoTime();
        keycloak = builder.start();
        watchdog = Watchdog.start(context.daemon(), ProcessRef.of(keycloak.toHandle()), "TERM");

        String url = "http://" + Ports.LOOPBACK + ":" + port;
        awaitRealms(url, realms.isEmpty() ? List.of("master") : realms);
        DaemonLog.info("Keycloak answered after " + (System.nanoTime() - begin) / 1_000_000 + " ms");

        List<ProcessRef> processes = new ArrayList<>();
        processes.add(ProcessRef.of(keycloak.toHandle()));
        keycloak.toHandle().descendants().map(ProcessRef::of).forEach(processes::add);

        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("url", url);
        properties.put("management.port", Integer.toString(managementPort));
        properties.put("admin.username", ADMIN);
        properties.put("admin.password", adminPassword);
        properties.put("realms", String.join(",", realms));
        properties.put(
                "realm.files", ServerSpec.realmFilesProperty(context.spec().realmFiles()));
        properties.put("home", home.toString());
        properties.put("data.dir", instance.toString());
        properties.put(
                "data.dir.persistent",
                context.persistent() ? context.spec().dataDir().toString() : "");
        return new Started(processes, Ports.LOOPBACK, port, properties);
    }

    /** Makes {@code instance} a Keycloak home of its own that shares the built distribution in {@code home}. */
    private static void layOut(Path home, Path instance) throws IOException {
        Files.createDirectories(instance.resolve("bin"));
        Files.copy(home.resolve("bin/kc.sh"), instance.resolve("bin/kc.sh"), StandardCopyOption.REPLACE_EXISTING);
        for (String shared : SHARED) {
            Path link = instance.resolve(shared);
            if (Files.isSymbolicLink(link) || Files.exists(link)) {
                Files.delete(link);
            }
            Files.createSymbolicLink(link, home.resolve(shared));
        }
    }

    /** Copies the realm files into {@code data/import} and returns the realm names they define. */
    private List<String> importRealms(Path instance) throws IOException {
        Path importDir = instance.resolve("data/import");
        FileTrees.deleteQuietly(importDir);
        Files.createDirectories(importDir);
        ObjectMapper json = new ObjectMapper();
        List<String> realms = new ArrayList<>();
        for (Path file : context.spec().realmFiles()) {
            if (!Files.isRegularFile(file)) {
                throw new InfraException("realm file " + file + " does not exist");
            }
            JsonNode realm = json.readTree(file.toFile()).path("realm");
            if (!realm.isTextual()) {
                throw new InfraException("realm file " + file + " has no \"realm\" name");
            }
            realms.add(realm.asText());
            Files.copy(file, importDir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        return realms;
    }

    private void awaitRealms(String url, List<String> realms) throws InterruptedException {
        long deadline = System.nanoTime() + context.spec().kind().startTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (!keycloak.isAlive()) {
                throw new InfraException("Keycloak exited with code " + keycloak.exitValue());
            }
            if (realms.stream().allMatch(realm -> KeycloakEndpoint.realmAnswers(url, realm))) {
                return;
            }
            Thread.sleep(500);
        }
        throw new InfraException("Keycloak did not serve realms " + realms + " at " + url);
    }

    @Override
    public boolean isRunning() {
        return keycloak != null && keycloak.isAlive();
    }

    @Override
    public void stop() {
        if (watchdog != null) {
            watchdog.cancel();
        }
        if (keycloak != null) {
            List<ProcessHandle> descendants = keycloak.toHandle().descendants().toList();
            // kc.sh forwards SIGTERM to its Java process, which then shuts down gracefully.
            keycloak.destroy();
            try {
                if (!keycloak.waitFor(30, TimeUnit.SECONDS)) {
                    DaemonLog.warn("Keycloak did not stop in 30 s; killing it");
                    keycloak.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (ProcessHandle child : descendants) {
                ProcessRef.of(child).terminate(Duration.ofSeconds(10));
            }
        }
        context.deleteTemporaryData();
    }
}
