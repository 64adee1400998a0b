package com.storagecompressai.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

/**
 * The product as it runs in production, on loopback: nginx in front of three gateways and, as a second upstream, in
 * front of two engines; a real redis-server for the shared limits; S3Proxy as the object store. Every part is its own
 * OS process on an ephemeral port. {@link #close()} (and a JVM shutdown hook) ends them all.
 */
final class Cluster implements AutoCloseable {

    static final int GATEWAYS = 3;
    static final int ENGINES = 2;
    static final int RATE_LIMIT = 10;
    /** Keys for the rate-limit scenarios, one per scenario so that each starts with its whole limit. */
    static final List<String> LIMITED_KEYS = List.of("limited-cold", "limited-warm");
    static final String BUCKET = "images";
    private static final String ACCESS = "system-test-access";
    private static final String SECRET = "system-test-secret";
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final List<String> SMALL_JVM = List.of("-Xmx256m", "-XX:ActiveProcessorCount=1", "-XX:+UseSerialGC");

    private final Binaries binaries;
    private final Path workDir;
    private final List<Daemon> all = new CopyOnWriteArrayList<>();
    private final Thread shutdownHook = new Thread(this::stopAll, "cluster-shutdown");
    private final int redisPort = freePort();
    private final int s3Port = freePort();
    private final int publicPort = freePort();
    private final int engineProxyPort = freePort();
    private final List<Integer> enginePorts = IntStream.range(0, ENGINES).map(i -> freePort()).boxed().toList();
    private final List<Integer> gatewayPorts = IntStream.range(0, GATEWAYS).map(i -> freePort()).boxed().toList();
    private final LoadKeys loadKeys = new LoadKeys(RATE_LIMIT, 100);
    private final List<Daemon> engines = new ArrayList<>();
    private final List<Daemon> gateways = new ArrayList<>();
    private Daemon redis;
    private Daemon s3proxy;
    private Daemon nginx;
    private Bucket bucket;

    private Cluster(Binaries binaries, Path workDir) {
        this.binaries = binaries.withJarsCopiedTo(workDir.resolve("jars"));
        this.workDir = workDir;
    }

    static Cluster start(Binaries binaries, Path workDir) {
        Cluster cluster = new Cluster(binaries, workDir);
        Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
        try {
            cluster.startAll();
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void startAll() {
        redis = launch(new Daemon("redis", List.of(binaries.redisServer().toString(), "--port", Integer.toString(redisPort),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", workDir.resolve("redis").toString()),
                Map.of(), workDir.resolve("redis")));
        s3proxy = launch(s3proxyDaemon());
        for (int i = 0; i < ENGINES; i++) {
            engines.add(launch(engineDaemon(i)));
        }
        nginx = launch(nginxDaemon());
        Await.until("redis-server accepting connections", STARTUP, redis, () -> Await.accepts(redisPort));
        Await.until("S3Proxy accepting connections", STARTUP, s3proxy, () -> Await.accepts(s3Port));
        bucket = new Bucket(URI.create("http://127.0.0.1:" + s3Port), BUCKET, ACCESS, SECRET);
        Await.until("bucket " + BUCKET + " created in S3Proxy", STARTUP, s3proxy, bucket::tryCreate);
        Await.until("nginx accepting connections", STARTUP, nginx, () -> Await.accepts(publicPort) && Await.accepts(engineProxyPort));
        for (int i = 0; i < ENGINES; i++) {
            awaitEngine(i);
        }
        for (int i = 0; i < GATEWAYS; i++) {
            gateways.add(launch(gatewayDaemon(i)));
        }
        for (int i = 0; i < GATEWAYS; i++) {
            awaitGateway(i);
        }
    }

    private Daemon launch(Daemon daemon) {
        all.add(daemon);
        return daemon.start();
    }

    private Daemon s3proxyDaemon() {
        Path dir = workDir.resolve("s3proxy");
        write(dir.resolve("s3proxy.conf"), """
                s3proxy.endpoint=http://127.0.0.1:%d
                s3proxy.authorization=aws-v2-or-v4
                s3proxy.identity=%s
                s3proxy.credential=%s
                jclouds.provider=transient
                jclouds.identity=%s
                jclouds.credential=%s
                """.formatted(s3Port, ACCESS, SECRET, ACCESS, SECRET));
        return new Daemon("s3proxy", jvm(binaries.s3proxyJar(), "--properties", dir.resolve("s3proxy.conf").toString()),
                Map.of(), dir);
    }

    private Daemon engineDaemon(int index) {
        return new Daemon("engine-" + index, jvm(binaries.engineJar(), "serve"), Map.of(
                "ENGINE_HOST", "127.0.0.1",
                "ENGINE_PORT", Integer.toString(enginePorts.get(index)),
                // Room for every request of the cluster when the other engine is down.
                "ENGINE_QUEUE_CAPACITY", "32"), workDir.resolve("engine-" + index));
    }

    private Daemon gatewayDaemon(int index) {
        Map<String, String> env = new HashMap<>();
        env.put("PORT", Integer.toString(gatewayPorts.get(index)));
        env.put("API_KEYS", String.join(",", LIMITED_KEYS) + "," + String.join(",", loadKeys.all()));
        env.put("ENGINE_URL", "http://127.0.0.1:" + engineProxyPort);
        env.put("REDIS_URL", "redis://127.0.0.1:" + redisPort);
        // A window longer than the test: a refill never lets an extra request through.
        env.put("RATE_LIMIT_MAX", Integer.toString(RATE_LIMIT));
        env.put("RATE_LIMIT_WINDOW", "3600");
        env.put("TRUSTED_PROXIES", "127.0.0.1");
        // The breaker opened while no engine is up closes again soon after one is back.
        env.put("ENGINE_BREAKER_OPEN_SECONDS", "2");
        env.put("STORAGE_BACKEND", "s3");
        env.put("S3_ENDPOINT", "http://127.0.0.1:" + s3Port);
        env.put("S3_REGION", "us-east-1");
        env.put("S3_BUCKET", BUCKET);
        env.put("S3_ACCESS_KEY_ID", ACCESS);
        env.put("S3_SECRET_ACCESS_KEY", SECRET);
        env.putAll(overrides(System.getProperty("systemtest.gatewayEnv", "")));
        return new Daemon("gateway-" + index, jvm(binaries.gatewayJar()), env, workDir.resolve("gateway-" + index));
    }

    /** {@code NAME=value;NAME=value}: extra gateway settings for a run by hand, e.g. {@code ENGINE_ATTEMPTS=1}. */
    private static Map<String, String> overrides(String text) {
        Map<String, String> env = new HashMap<>();
        for (String pair : text.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                env.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return env;
    }

    private Daemon nginxDaemon() {
        Path prefix = workDir.resolve("nginx");
        NginxConfig config = new NginxConfig(prefix, "root".equals(System.getProperty("user.name")), publicPort, gatewayPorts,
                engineProxyPort, enginePorts);
        write(prefix.resolve("nginx.conf"), config.render());
        try {
            Files.createDirectories(config.temp());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Daemon("nginx", List.of(binaries.nginx().toString(), "-p", prefix.toString(), "-c",
                prefix.resolve("nginx.conf").toString(), "-e", prefix.resolve("error.log").toString()), Map.of(), prefix);
    }

    private List<String> jvm(Path jar, String... args) {
        List<String> command = new ArrayList<>();
        command.add(binaries.java().toString());
        command.addAll(SMALL_JVM);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return command;
    }

    private void awaitEngine(int index) {
        Await.until("engine-" + index + " healthy", STARTUP, engines.get(index),
                () -> Await.answers200(URI.create("http://127.0.0.1:" + enginePorts.get(index) + "/health")));
    }

    private void awaitGateway(int index) {
        Await.until("gateway-" + index + " ready", STARTUP, gateways.get(index),
                () -> Await.answers200(gatewayUri(index).resolve("/health/ready")));
    }

    /** Starts again, on their own ports, the processes a test killed, and waits until they are ready. */
    void reviveDead() {
        for (int i = 0; i < ENGINES; i++) {
            if (!engines.get(i).isAlive()) {
                engines.get(i).start();
                awaitEngine(i);
            }
        }
        for (int i = 0; i < GATEWAYS; i++) {
            if (!gateways.get(i).isAlive()) {
                gateways.get(i).start();
                awaitGateway(i);
            }
        }
        for (Daemon daemon : List.of(redis, s3proxy, nginx)) {
            if (!daemon.isAlive()) {
                throw new IllegalStateException(daemon.name() + " died:\n" + daemon.logTail());
            }
        }
    }

    /** nginx's public server: what clients use. */
    URI publicUri() {
        return URI.create("http://127.0.0.1:" + publicPort);
    }

    URI gatewayUri(int index) {
        return URI.create("http://127.0.0.1:" + gatewayPorts.get(index));
    }

    /** How nginx names a gateway in {@link NginxConfig#UPSTREAM_HEADER}. */
    String gatewayAddress(int index) {
        return "127.0.0.1:" + gatewayPorts.get(index);
    }

    String engineAddress(int index) {
        return "127.0.0.1:" + enginePorts.get(index);
    }

    int engineProxyPort() {
        return engineProxyPort;
    }

    Daemon engine(int index) {
        return engines.get(index);
    }

    Daemon gateway(int index) {
        return gateways.get(index);
    }

    Path nginxAccessLog() {
        return workDir.resolve("nginx").resolve("access.log");
    }

    Bucket bucket() {
        return bucket;
    }

    LoadKeys loadKeys() {
        return loadKeys;
    }

    @Override
    public void close() {
        stopAll();
        if (bucket != null) {
            bucket.close();
        }
        deleteJarCopies();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running or has run
        }
    }

    private void stopAll() {
        // Front to back, so nothing logs errors about a dependency that went first.
        List<Daemon> order = new ArrayList<>(all);
        order.reversed().forEach(Daemon::stop);
    }

    /** The logs stay for a look after a failure; the copied jars (40 MB a run) do not. */
    private void deleteJarCopies() {
        Path jars = workDir.resolve("jars");
        try (var files = Files.list(jars)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(jars);
        } catch (IOException e) {
            // nothing to delete, or a file still open: left for `mvn clean`
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
