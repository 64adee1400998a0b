package com.storagecompressai.systemtest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where the programs of the cluster are: the two shaded jars of this build, S3Proxy's jar, and Debian's binaries. */
record Binaries(Path java, Path nginx, Path redisServer, Path gatewayJar, Path engineJar, Path s3proxyJar) {

    /**
     * Fails with a message saying what to install or build when a part is missing. The system properties
     * {@code systemtest.gatewayJar} and {@code systemtest.engineJar} run other builds of the services.
     */
    static Binaries locate() {
        Path root = Path.of(System.getProperty("systemtest.root", "..")).toAbsolutePath().normalize();
        return new Binaries(
                Path.of(System.getProperty("java.home"), "bin", "java"),
                program("nginx", "apt-get install -y nginx", "/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx"),
                program("redis-server", "apt-get install -y redis-server", "/usr/bin/redis-server", "/usr/local/bin/redis-server"),
                override("systemtest.gatewayJar").orElseGet(() -> shadedJar(root.resolve("api-gateway/target"), "api-gateway-", "plain-")),
                override("systemtest.engineJar").orElseGet(() -> shadedJar(root.resolve("compressor-engine/target"), "compressor-engine-", "plain-")),
                existing(Path.of(System.getProperty("systemtest.s3proxyJar", "target/s3proxy/s3proxy.jar")),
                        "S3Proxy's jar-with-dependencies is missing: run this module through Maven (pre-integration-test copies it)"));
    }

    /**
     * The same binaries with the two service jars copied into {@code directory}: a rebuild of a module during the run
     * then cannot swap a jar under a JVM that loads classes from it.
     */
    Binaries withJarsCopiedTo(Path directory) {
        try {
            Files.createDirectories(directory);
            Path gateway = Files.copy(gatewayJar, directory.resolve(gatewayJar.getFileName()));
            Path engine = Files.copy(engineJar, directory.resolve(engineJar.getFileName()));
            return new Binaries(java, nginx, redisServer, gateway, engine, s3proxyJar);
        } catch (IOException e) {
            throw new IllegalStateException("cannot copy the service jars to " + directory, e);
        }
    }

    private static Optional<Path> override(String property) {
        return Optional.ofNullable(System.getProperty(property)).filter(value -> !value.isBlank())
                .map(value -> existing(Path.of(value), property + " names no file"));
    }

    private static Path program(String name, String install, String... candidates) {
        for (String candidate : candidates) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException(name + " is not installed: the system tests need it, run `" + install + "`");
    }

    /** The runnable jar, not the thin one that maven-shade-plugin keeps beside it under a prefix. */
    private static Path shadedJar(Path target, String prefix, String thinPrefix) {
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(target, prefix + "*.jar")) {
                files.forEach(jars::add);
            } catch (IOException e) {
                throw new IllegalStateException("cannot list " + target, e);
            }
        }
        jars.removeIf(jar -> jar.getFileName().toString().startsWith(thinPrefix)
                || jar.getFileName().toString().endsWith("-sources.jar") || jar.getFileName().toString().endsWith("-tests.jar"));
        if (jars.size() != 1) {
            throw new IllegalStateException("expected one runnable " + prefix + "*.jar in " + target + ", found " + jars
                    + ": build it first with `./mvnw -q install -DskipTests` at the root");
        }
        return jars.getFirst();
    }

    private static Path existing(Path path, String message) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(message + " (" + path.toAbsolutePath() + ")");
        }
        return path.toAbsolutePath();
    }
}
