package com.storagecompressai.gateway;

import static com.storagecompressai.gateway.Bodies.code;
import static com.storagecompressai.gateway.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.storagecompressai.engine.config.EngineConfig;
import com.storagecompressai.engine.http.EngineServer;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6: ENGINE_URL lists several engines (or one load balancer); a compression whose engine is gone, cuts its
 * answer short or says 502/503 is tried again on the next one, within ENGINE_TIMEOUT_SECONDS; a client mistake never is.
 */
class EngineFailoverIT {

    @TempDir
    Path data;

    static EngineServer live;

    @BeforeAll
    static void startALiveEngine() throws Exception {
        live = EngineServer.start(EngineConfig.defaults().withPort(0), "127.0.0.1");
    }

    @AfterAll
    static void stopTheLiveEngine() throws Exception {
        if (live != null) {
            live.close();
        }
    }

    /** Reads each request whole, then answers with headers promising more bytes than it sends and closes. */
    private static final class CutOffEngine implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final AtomicInteger requests = new AtomicInteger();

        CutOffEngine() throws IOException {
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        Socket socket = server.accept();
                        Thread.ofVirtual().start(() -> cutShort(socket));
                    }
                } catch (IOException closed) {
                    // test over
                }
            });
        }

        private void cutShort(Socket socket) {
            try (socket) {
                InputStream in = socket.getInputStream();
                long length = 0;
                for (String line = RawHttp.line(in); line != null && !line.isEmpty(); line = RawHttp.line(in)) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Long.parseLong(line.substring("content-length:".length()).strip());
                    }
                }
                in.readNBytes((int) length);
                requests.incrementAndGet();
                OutputStream out = socket.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: 5000\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0});
                out.flush();
            } catch (IOException gone) {
                // the client went away first
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    /** Accepts connections and never answers; counts them. */
    private static final class HangingEngine implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final AtomicInteger accepted = new AtomicInteger();
        final List<Socket> held = new CopyOnWriteArrayList<>();

        HangingEngine() throws IOException {
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        held.add(server.accept());
                        accepted.incrementAndGet();
                    }
                } catch (IOException closed) {
                    // test over
                }
            });
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    /** An engine (or the proxy in front of one) that answers each compress with the next scripted answer, then a JPEG. */
    private static final class ScriptedEngine implements AutoCloseable {
        record Answer(int status, String contentType, String body) {
        }

        final HttpServer server;
        final AtomicInteger calls = new AtomicInteger();
        final Queue<Answer> script = new ConcurrentLinkedQueue<>();
        volatile Answer otherwise;

        ScriptedEngine(Answer... first) throws IOException {
            script.addAll(List.of(first));
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/compress", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    calls.incrementAndGet();
                    Answer answer = script.poll();
                    answer = answer == null ? otherwise : answer;
                    byte[] body = answer == null ? jpeg() : answer.body().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", answer == null ? "image/jpeg" : answer.contentType());
                    exchange.sendResponseHeaders(answer == null ? 200 : answer.status(), body.length);
                    exchange.getResponseBody().write(body);
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }

        private static byte[] jpeg() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "jpeg", out);
            return out.toByteArray();
        }
    }

    private static final ScriptedEngine.Answer BAD_GATEWAY =
            new ScriptedEngine.Answer(502, "text/html", "<html><body><h1>502 Bad Gateway</h1>nginx</body></html>");
    private static final ScriptedEngine.Answer OVERLOADED = new ScriptedEngine.Answer(503, "application/json",
            "{\"statusCode\":503,\"error\":\"Service Unavailable\",\"message\":\"busy\",\"code\":\"OVERLOADED\"}");
    private static final ScriptedEngine.Answer INVALID_IMAGE = new ScriptedEngine.Answer(400, "application/json",
            "{\"statusCode\":400,\"error\":\"Bad Request\",\"message\":\"not an image\",\"code\":\"INVALID_IMAGE\"}");

    private static MultipartBody png() {
        return MultipartBody.create().file("image", "a.png", "image/png", TestImages.gradientPng(48, 32));
    }

    @Test
    void twoEnginesOneOnAClosedPortEveryRequestAnswers200() throws Exception {
        int closedPort = TestGateway.freePort();
        try (TestGateway gateway = TestGateway.start(data, Map.of(
                "ENGINE_URL", "http://127.0.0.1:" + closedPort + "," + live.uri()))) {
            // when
            List<HttpResponse<byte[]>> responses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                responses.add(gateway.compress(TestGateway.KEY, png()));
            }
            // then
            for (HttpResponse<byte[]> response : responses) {
                assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
                assertReadableJpeg(gateway, response, 48, 32);
            }
            assertThat(retries(gateway)).isBetween(1, 8);
        }
    }

    @Test
    void anEngineThatClosesTheConnectionMidAnswerIsRetriedOnTheOther() throws Exception {
        try (CutOffEngine cutOff = new CutOffEngine();
                TestGateway gateway = TestGateway.start(data, Map.of("ENGINE_URL", cutOff.url() + "," + live.uri()))) {
            // when
            List<HttpResponse<byte[]>> responses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                responses.add(gateway.compress(TestGateway.KEY, png()));
            }
            // then
            for (HttpResponse<byte[]> response : responses) {
                assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
                assertReadableJpeg(gateway, response, 48, 32);
            }
            assertThat(cutOff.requests.get()).isPositive();
            assertThat(retries(gateway)).isEqualTo(cutOff.requests.get());
        }
    }

    @Test
    void bothEnginesOnClosedPortsAnswer503WithRetryAfter() throws Exception {
        try (TestGateway gateway = TestGateway.start(data, Map.of("ENGINE_URL",
                "http://127.0.0.1:" + TestGateway.freePort() + ",http://127.0.0.1:" + TestGateway.freePort(),
                "ENGINE_TIMEOUT_SECONDS", "5"))) {
            // when
            HttpResponse<byte[]> response = assertTimeoutPreemptively(Duration.ofSeconds(15),
                    () -> gateway.compress(TestGateway.KEY, png()));
            // then
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(code(response)).isEqualTo("ENGINE_UNAVAILABLE");
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(new String(response.body())).doesNotContain("127.0.0.1");
            assertThat(retries(gateway)).isEqualTo(2);
        }
    }

    @Test
    void bothEnginesHangingAnswer503OnceTheDeadlineHasPassedWithoutAnotherTry() throws Exception {
        try (HangingEngine first = new HangingEngine(); HangingEngine second = new HangingEngine();
                TestGateway gateway = TestGateway.start(data, Map.of("ENGINE_URL", first.url() + "," + second.url(),
                        "ENGINE_TIMEOUT_SECONDS", "2"))) {
            // when: three tries of 2 s each would take 6 s
            HttpResponse<byte[]> response = assertTimeoutPreemptively(Duration.ofSeconds(15),
                    () -> gateway.compress(TestGateway.KEY, png()));
            // then the first try used up the deadline, and no second one was started
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(code(response)).isEqualTo("ENGINE_UNAVAILABLE");
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(first.accepted.get() + second.accepted.get()).isEqualTo(1);
            assertThat(retries(gateway)).isZero();
        }
    }

    @Test
    void aClientMistakeReportedByTheEngineIsNeverRetried() throws Exception {
        try (ScriptedEngine first = new ScriptedEngine(); ScriptedEngine second = new ScriptedEngine()) {
            first.otherwise = INVALID_IMAGE;
            second.otherwise = INVALID_IMAGE;
            try (TestGateway gateway = TestGateway.start(data, Map.of("ENGINE_URL", first.url() + "," + second.url()))) {
                // when
                HttpResponse<byte[]> response = gateway.compress(TestGateway.KEY, png());
                // then
                assertThat(response.statusCode()).isEqualTo(400);
                assertThat(code(response)).isEqualTo("INVALID_IMAGE");
                assertThat(first.calls.get() + second.calls.get()).isEqualTo(1);
                assertThat(retries(gateway)).isZero();
            }
        }
    }

    @Test
    void aSingleUrlThatFailsOnceIsTriedAgainAndAnswers200() throws Exception {
        for (ScriptedEngine.Answer failure : List.of(BAD_GATEWAY, OVERLOADED)) {
            try (ScriptedEngine balancer = new ScriptedEngine(failure);
                    TestGateway gateway = TestGateway.start(data, Map.of("ENGINE_URL", balancer.url()))) {
                // when
                HttpResponse<byte[]> response = gateway.compress(TestGateway.KEY, png());
                // then
                assertThat(response.statusCode()).as(failure.status() + ": " + new String(response.body())).isEqualTo(200);
                assertReadableJpeg(gateway, response, 40, 30);
                assertThat(balancer.calls).hasValue(2);
                assertThat(retries(gateway)).isEqualTo(1);
            }
        }
    }

    @Test
    void aSingleUrlThatKeepsFailingAnswers503AfterTheConfiguredTries() throws Exception {
        try (ScriptedEngine balancer = new ScriptedEngine()) {
            balancer.otherwise = BAD_GATEWAY;
            try (TestGateway gateway = TestGateway.start(data, Map.of("ENGINE_URL", balancer.url(), "ENGINE_ATTEMPTS", "4"))) {
                // when
                HttpResponse<byte[]> response = gateway.compress(TestGateway.KEY, png());
                // then
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(code(response)).isEqualTo("ENGINE_UNAVAILABLE");
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
                assertThat(balancer.calls).hasValue(4);
            }
        }
    }

    private static void assertReadableJpeg(TestGateway gateway, HttpResponse<byte[]> response, int width, int height)
            throws IOException {
        URI url = URI.create(json(response).path("url").asText());
        HttpResponse<byte[]> fetched = gateway.send(HttpRequest.newBuilder(url).GET().build());
        assertThat(fetched.statusCode()).isEqualTo(200);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(fetched.body()));
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
    }

    private static int retries(TestGateway gateway) {
        Matcher matcher = Pattern.compile("(?m)^gateway_engine_retries_total(\\{[^}]*\\})? (\\d+)\\.0$")
                .matcher(new String(gateway.get("/metrics").body()));
        assertThat(matcher.find()).as("gateway_engine_retries_total is exported").isTrue();
        return Integer.parseInt(matcher.group(2));
    }

}
