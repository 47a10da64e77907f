package com.bpo.infra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the jars for the daemon and broker JVMs and the Keycloak distribution are. The build writes their locations
 * into {@code META-INF/bpo-infra/} of this module (see its pom): a test JVM's own class path cannot be reused, since
 * surefire's booter jar disappears with the test JVM.
 */
final class InfraArtifacts {

    private static final String RESOURCES = "META-INF/bpo-infra/";

    private InfraArtifacts() {}

    /** Class path of a daemon JVM: this module's classes, its runtime dependencies and an SLF4J provider. */
    static String daemonClasspath() {
        List<String> entries = new ArrayList<>();
        entries.add(infraCodeLocation().toString());
        entries.add(resource("runtime.classpath"));
        entries.add(resource("daemon-logging.classpath"));
        return String.join(File.pathSeparator, entries);
    }

    /** Class path of the broker JVM: the daemon's class path (kafka-clients, codecs) plus kafka_2.13 and its dependencies. */
    static String brokerClasspath() {
        return daemonClasspath() + File.pathSeparator + resource("broker.classpath");
    }

    /** The Keycloak distribution zip that Maven resolved. */
    static Path keycloakZip() {
        Path zip = Path.of(resource("keycloak-zip.path"));
        if (!Files.isRegularFile(zip)) {
            throw new InfraException(
                    "Keycloak distribution " + zip + " is missing; rebuild libs/infra (./mvnw -pl libs/infra install)");
        }
        return zip;
    }

    /** The jar or class directory this module was loaded from. */
    static Path infraCodeLocation() {
        CodeSource source = InfraArtifacts.class.getProtectionDomain().getCodeSource();
        try {
            if (source != null && source.getLocation() != null) {
                return Path.of(source.getLocation().toURI());
            }
            // Some class loaders give no code source; the class file's own URL still names the jar or directory.
            URL classFile = InfraArtifacts.class.getResource(InfraArtifacts.class.getSimpleName() + ".class");
            String url = String.valueOf(classFile);
            String suffix = "/" + InfraArtifacts.class.getName().replace('.', '/') + ".class";
            if (url.startsWith("jar:file:")) {
                return Path.of(new java.net.URI(url.substring("jar:".length(), url.indexOf("!/"))));
            }
            if (url.startsWith("file:") && url.endsWith(suffix)) {
                return Path.of(new java.net.URI(url.substring(0, url.length() - suffix.length())));
            }
        } catch (URISyntaxException e) {
            throw new InfraException("cannot locate the libs/infra classes", e);
        }
        throw new InfraException("cannot locate the libs/infra classes");
    }

    private static String resource(String name) {
        try (InputStream in = InfraArtifacts.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new InfraException(RESOURCES + name
                        + " is missing from libs/infra; rebuild it with ./mvnw -pl libs/infra install");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new InfraException("cannot read " + RESOURCES + name, e);
        }
    }
}
