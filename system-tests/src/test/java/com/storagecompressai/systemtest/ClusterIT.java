package com.storagecompressai.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The product as separate processes on loopback (issue 6): nginx balancing three gateways and, as a second upstream,
 * two engines; redis-server sharing the limits; S3Proxy storing the images. Each test starts from every process up.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ClusterIT {

    private static final int CLIENTS = 3;
    private static Cluster cluster;
    private static HttpClient client;

    @BeforeAll
    static void startCluster() throws IOException {
        Path workDir = Path.of(System.getProperty("systemtest.workDir", "target/cluster")).toAbsolutePath();
        Files.createDirectories(workDir);
        cluster = Cluster.start(Binaries.locate(), Files.createTempDirectory(workDir, "run-"));
        client = SteadyLoad.client();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void everyProcessUp() {
        cluster.reviveDead();
    }

    @Test
    @Order(1)
    void oneKeyGetsAtMostItsLimitAcrossAllGatewaysEvenWhileTheyFirstConnectToRedis() {
        // given three gateways that have not yet talked to redis, and a key with its whole limit
        String key = Cluster.LIMITED_KEYS.get(0);
        // when 30 requests with that key arrive through nginx, six at a time
        SteadyLoad.Result result = SteadyLoad.run(client, i -> Upload.request(cluster.publicUri(), key), 3 * Cluster.RATE_LIMIT, 6);
        // then exactly the limit got through
        assertLimitHeld("cold gateways", result.outcomes());
    }

    @Test
    @Order(2)
    void oneKeyGetsAtMostItsLimitAcrossAllGatewaysTogether() {
        // given three gateways that share their limits through redis (each has served a request), and a key with its whole limit
        for (int i = 0; i < Cluster.GATEWAYS; i++) {
            Outcome warmUp = SteadyLoad.send(client, Upload.request(cluster.gatewayUri(i), cluster.loadKeys().next()), i);
            assertThat(warmUp.status()).as(warmUp.toString()).isEqualTo(200);
        }
        String key = Cluster.LIMITED_KEYS.get(1);
        // when 30 requests with that key arrive through nginx, six at a time
        SteadyLoad.Result result = SteadyLoad.run(client, i -> Upload.request(cluster.publicUri(), key), 3 * Cluster.RATE_LIMIT, 6);
        // then exactly the limit got through
        assertLimitHeld("warm gateways", result.outcomes());
    }

    /** Exactly RATE_LIMIT answers 200, every other one 429 RATE_LIMITED, and each gateway answered some. */
    private static void assertLimitHeld(String what, List<Outcome> outcomes) {
        long ok = outcomes.stream().filter(o -> o.status() == 200).count();
        long limited = outcomes.stream().filter(o -> o.status() == 429).count();
        System.out.printf("rate limit (%s): %d sent, %d x 200, %d x 429, answers per gateway %s, 200s per gateway %s%n", what,
                outcomes.size(), ok, limited, countBy(outcomes, Outcome::upstream),
                countBy(outcomes.stream().filter(o -> o.status() == 200).toList(), Outcome::upstream));
        assertThat(outcomes).as("every request answered 200 or 429").allSatisfy(o -> assertThat(o.status()).isIn(200, 429));
        assertThat(ok).as("200s of one key over three gateways (limit %d)", Cluster.RATE_LIMIT).isEqualTo(Cluster.RATE_LIMIT);
        assertThat(limited).isEqualTo(outcomes.size() - Cluster.RATE_LIMIT);
        assertThat(outcomes).filteredOn(o -> o.status() == 429).allSatisfy(o -> assertThat(o.code()).isEqualTo("RATE_LIMITED"));
        assertThat(outcomes.stream().map(Outcome::upstream).collect(Collectors.toSet()))
                .as("gateways that answered").containsExactlyInAnyOrderElementsOf(allGateways());
    }

    @Test
    @Order(3)
    void theFailedAuthenticationLimitCountsTheClientNginxForwardsNotNginxItself() throws Exception {
        // given two clients on their own loopback addresses; every gateway sees only nginx (127.0.0.1) as its peer
        HttpClient first = clientFrom("127.0.0.2");
        HttpClient second = clientFrom("127.0.0.3");
        // when the first sends wrong keys until every gateway has refused it
        Map<String, List<Integer>> statusesByGateway = new LinkedHashMap<>();
        for (int i = 0; i < 12 * Cluster.RATE_LIMIT && !everyGatewayAnswered429(statusesByGateway); i++) {
            Outcome outcome = SteadyLoad.send(first, Upload.request(cluster.publicUri(), "wrong-key"), i);
            statusesByGateway.computeIfAbsent(outcome.upstream(), g -> new ArrayList<>()).add(outcome.status());
        }
        Outcome secondClient = SteadyLoad.send(second, Upload.request(cluster.publicUri(), "wrong-key"), 0);
        List<Outcome> forged = IntStream.range(0, Cluster.GATEWAYS)
                .mapToObj(i -> SteadyLoad.send(first, HttpRequest.newBuilder(Upload.request(cluster.publicUri(), "wrong-key"),
                        (name, value) -> true).header("X-Forwarded-For", "203.0.113.7").build(), i))
                .toList();
        // then each gateway answered the first client at most RATE_LIMIT 401s, then only 429s (today each gateway
        // counts failures in its own memory, so together they allow between one and three times the limit)
        System.out.printf("failed auth per gateway: %s%n", statusesByGateway);
        assertThat(statusesByGateway.keySet()).containsExactlyInAnyOrderElementsOf(allGateways());
        statusesByGateway.forEach((gateway, statuses) -> {
            int refusedFrom = statuses.indexOf(429);
            assertThat(refusedFrom).as("401s of the first client on " + gateway).isBetween(0, Cluster.RATE_LIMIT);
            assertThat(statuses.subList(0, refusedFrom)).as(gateway + ": " + statuses).allMatch(status -> status == 401);
            assertThat(statuses.subList(refusedFrom, statuses.size())).as(gateway + ": " + statuses).allMatch(status -> status == 429);
        });
        long unauthorized = statusesByGateway.values().stream().flatMap(List::stream).filter(status -> status == 401).count();
        assertThat(unauthorized).isBetween((long) Cluster.RATE_LIMIT, (long) Cluster.GATEWAYS * Cluster.RATE_LIMIT);
        // and the second client, behind the same nginx, is not limited by the first one's failures
        assertThat(secondClient.status()).as(secondClient.toString()).isEqualTo(401);
        // and a forged X-Forwarded-For does not make the first client someone else: nginx's hop is the one believed
        assertThat(forged).allSatisfy(o -> {
            assertThat(o.status()).as(o.toString()).isEqualTo(429);
            assertThat(o.code()).isEqualTo("RATE_LIMITED");
        });
    }

    @Test
    @Order(4)
    void killingOneEngineUnderSteadyLoadLosesNoRequest() throws IOException {
        // given three clients sending 90 uploads through nginx, and both engines up
        int sent = 90;
        Gauge busy = new Gauge(URI.create("http://" + cluster.engineAddress(0) + "/metrics"), "compressor_active");
        long logStart = Files.size(cluster.nginxAccessLog());
        // when engine-0 is killed (SIGKILL) a third of the way in, while it is compressing
        boolean[] caughtBusy = new boolean[1];
        SteadyLoad.Result result = SteadyLoad.run(client, i -> Upload.request(cluster.publicUri(), cluster.loadKeys().next()),
                sent, CLIENTS, sent / 3, () -> {
                    caughtBusy[0] = busy.awaitAbove(0, Duration.ofSeconds(5));
                    return cluster.engine(0).kill();
                });
        // then every request got 200: engine-1 was up all along, so not even a 503 is allowed
        long retried = retriedEngineCalls(logStart);
        System.out.printf("engine kill: %d sent, %d x 200, %d in flight at the kill (engine busy: %b), %d sent after it,"
                        + " %d engine calls retried by nginx, failures %s%n", sent, result.successes().size(),
                result.inFlightDuringDisruption(), caughtBusy[0], result.sentAfterDisruption(), retried, result.failures());
        assertThat(cluster.engine(0).isAlive()).isFalse();
        assertThat(result.failures()).as("requests not answered 200").isEmpty();
        assertThat(result.sentAfterDisruption()).as("requests sent after the kill").isPositive();
        assertThat(result.successes()).allSatisfy(o -> assertThat(o.url()).isPresent());
    }

    @Test
    @Order(5)
    void withNoEngineUpUploadsGet503UntilAnEngineIsBack() {
        // given both engines killed
        cluster.engine(0).kill();
        cluster.engine(1).kill();
        // when uploads arrive
        List<Outcome> whileDown = IntStream.range(0, 3)
                .mapToObj(i -> SteadyLoad.send(client, Upload.request(cluster.publicUri(), cluster.loadKeys().next()), i))
                .toList();
        // and the engines come back, and uploads go on until one succeeds (the gateways' breakers may still be open)
        cluster.reviveDead();
        List<Outcome> afterwards = new ArrayList<>();
        Await.until("an upload answered 200 after the engines came back", Duration.ofSeconds(30), null, () -> {
            Outcome outcome = SteadyLoad.send(client, Upload.request(cluster.publicUri(), cluster.loadKeys().next()),
                    afterwards.size());
            afterwards.add(outcome);
            return outcome.status() == 200;
        });
        // then while no engine was up every upload got 503 ENGINE_UNAVAILABLE, and nothing else came before the 200
        System.out.printf("no engine: %s while down, %d answers until the first 200 after the restart%n",
                whileDown.stream().map(o -> o.status() + " " + o.code()).toList(), afterwards.size());
        assertThat(whileDown).allSatisfy(o -> {
            assertThat(o.status()).as(o.toString()).isEqualTo(503);
            assertThat(o.code()).isEqualTo("ENGINE_UNAVAILABLE");
        });
        assertThat(afterwards.subList(0, afterwards.size() - 1)).allSatisfy(o -> {
            assertThat(o.status()).as(o.toString()).isEqualTo(503);
            assertThat(o.code()).isEqualTo("ENGINE_UNAVAILABLE");
        });
    }

    @Test
    @Order(6)
    void killingOneGatewayUnderSteadyLoadLosesOnlyItsRequestsInFlightAndStoresNoPartialObject() throws Exception {
        // given three clients sending 90 uploads through nginx, and what the bucket already holds
        int sent = 90;
        Set<String> before = cluster.bucket().names();
        String victim = cluster.gatewayAddress(0);
        Gauge busy = new Gauge(cluster.gatewayUri(0).resolve("/metrics"), "http_server_requests_active");
        // when gateway-0 is killed (SIGKILL) a third of the way in, while it serves an upload (the scrape itself counts 1)
        boolean[] caughtBusy = new boolean[1];
        SteadyLoad.Result result = SteadyLoad.run(client, i -> Upload.request(cluster.publicUri(), cluster.loadKeys().next()),
                sent, CLIENTS, sent / 3, () -> {
                    caughtBusy[0] = busy.awaitAbove(1, Duration.ofSeconds(5));
                    return cluster.gateway(0).kill();
                });
        // then only requests that were on the killed gateway when it died failed, at most as many as were in flight
        List<Outcome> failures = result.failures();
        System.out.printf("gateway kill: %d sent, %d x 200, %d lost, %d in flight at the kill (gateway busy: %b), failures %s%n",
                sent, result.successes().size(), failures.size(), result.inFlightDuringDisruption(), caughtBusy[0], failures);
        assertThat(cluster.gateway(0).isAlive()).isFalse();
        assertThat((long) failures.size()).isLessThanOrEqualTo(result.inFlightDuringDisruption()).isLessThanOrEqualTo(CLIENTS);
        assertThat(failures).allSatisfy(o -> {
            assertThat(o.inFlightDuring(result.disruption())).as("in flight at the kill: " + o).isTrue();
            assertThat(o.upstream()).as("on the killed gateway: " + o).isEqualTo(victim);
            assertThat(o.status()).as(o.toString()).isEqualTo(502);
        });
        // and every 200 names a complete JPEG that its url serves, and nothing stored is partial
        Set<String> stored = new HashSet<>(cluster.bucket().names());
        stored.removeAll(before);
        Set<String> answered = result.successes().stream().map(Outcome::objectName).collect(Collectors.toSet());
        assertThat(stored).containsAll(answered);
        assertThat(stored.size() - answered.size()).as("objects whose 200 was lost with the gateway")
                .isLessThanOrEqualTo(failures.size());
        for (String name : stored) {
            assertCompleteJpeg(name, cluster.bucket().bytes(name));
        }
        for (Outcome ok : result.successes()) {
            URI url = cluster.bucket().signed(URI.create(ok.url().orElseThrow()));
            HttpResponse<byte[]> fetched = client.send(HttpRequest.newBuilder(url).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(fetched.statusCode()).as("GET " + ok.url().orElseThrow()).isEqualTo(200);
            assertCompleteJpeg(ok.objectName(), fetched.body());
        }
    }

    private static void assertCompleteJpeg(String name, byte[] bytes) throws IOException {
        assertThat(bytes).as(name).startsWith((byte) 0xFF, (byte) 0xD8).endsWith((byte) 0xFF, (byte) 0xD9);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).as(name + " decodes").isNotNull();
        assertThat(image.getWidth()).isEqualTo(Upload.PHOTO_WIDTH);
        assertThat(image.getHeight()).isEqualTo(Upload.PHOTO_HEIGHT);
    }

    private static boolean everyGatewayAnswered429(Map<String, List<Integer>> statusesByGateway) {
        return statusesByGateway.keySet().containsAll(allGateways())
                && statusesByGateway.values().stream().allMatch(statuses -> statuses.contains(429));
    }

    private static List<String> allGateways() {
        return IntStream.range(0, Cluster.GATEWAYS).mapToObj(cluster::gatewayAddress).toList();
    }

    private static HttpClient clientFrom(String address) throws IOException {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .localAddress(InetAddress.getByName(address)).build();
    }

    private static Map<String, Long> countBy(List<Outcome> outcomes, Function<Outcome, String> key) {
        return outcomes.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    /** Engine calls that nginx passed to a second engine after the first failed: "a, b" in $upstream_addr. */
    private static long retriedEngineCalls(long fromOffset) throws IOException {
        byte[] log = Files.readAllBytes(cluster.nginxAccessLog());
        String recent = new String(log, (int) Math.min(fromOffset, log.length), (int) Math.max(0, log.length - fromOffset));
        String enginePort = Integer.toString(cluster.engineProxyPort());
        return recent.lines().filter(line -> line.startsWith(enginePort + " ") && line.contains(",")).count();
    }
}
