package com.storagecompressai.gateway;

import static com.storagecompressai.gateway.Bodies.code;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A remote engine that hangs or is gone: a deadline per call, then the circuit breaker answers 503 at once. */
class EngineBreakerIT {

    @TempDir
    Path data;

    /** Accepts connections on 127.0.0.1 and never answers; counts them. */
    private static final class HangingEngine implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final AtomicInteger accepted = new AtomicInteger();
        final List<Socket> held = new CopyOnWriteArrayList<>();
        final Thread acceptor = Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    held.add(server.accept());
                    accepted.incrementAndGet();
                }
            } catch (IOException closed) {
                // test over
            }
        });

        HangingEngine() throws IOException {
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

    private static MultipartBody png() {
        return MultipartBody.create().file("image", "a.png", "image/png", TestImages.gradientPng(16, 16));
    }

    @Test
    void aHangingEngineCostsOneDeadlinePerCallUntilTheBreakerOpensThenAnswers503AtOnce() throws Exception {
        try (HangingEngine engine = new HangingEngine();
                TestGateway gateway = TestGateway.start(data, Map.of("ENGINE_URL", engine.url(),
                        "ENGINE_TIMEOUT_SECONDS", "1", "ENGINE_BREAKER_FAILURES", "2", "ENGINE_BREAKER_OPEN_SECONDS", "600"))) {
            // given two calls that hit the deadline
            for (int i = 0; i < 2; i++) {
                HttpResponse<byte[]> timedOut = gateway.compress(TestGateway.KEY, png());
                assertThat(timedOut.statusCode()).isEqualTo(503);
                assertThat(code(timedOut)).isEqualTo("ENGINE_UNAVAILABLE");
            }
            int connectionsBefore = engine.accepted.get();
            // when 32 more arrive at once
            List<HttpResponse<byte[]>> responses = concurrently(32, () -> gateway.compress(TestGateway.KEY, png()));
            // then each is a 503 with Retry-After, and none of them reached the engine (no thread waited on it)
            assertThat(responses).allSatisfy(response -> {
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(code(response)).isEqualTo("ENGINE_UNAVAILABLE");
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
                assertThat(new String(response.body())).doesNotContain("circuit").doesNotContain("127.0.0.1");
            });
            assertThat(engine.accepted.get()).isEqualTo(connectionsBefore);
            Await.until(() -> gateway.server().requestsInFlight() == 0);
            assertThat(gateway.get("/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anEngineOnAClosedPortOpensTheBreakerToo() throws Exception {
        int closedPort = TestGateway.freePort();
        try (TestGateway gateway = TestGateway.start(data, Map.of("ENGINE_URL", "http://127.0.0.1:" + closedPort,
                "ENGINE_BREAKER_FAILURES", "3", "ENGINE_BREAKER_OPEN_SECONDS", "600"))) {
            List<HttpResponse<byte[]>> responses = concurrently(20, () -> gateway.compress(TestGateway.KEY, png()));
            assertThat(responses).allSatisfy(response -> {
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(code(response)).isEqualTo("ENGINE_UNAVAILABLE");
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
            });
            assertThat(new String(gateway.get("/metrics").body())).containsPattern("gateway_engine_breaker_open(\\{\\})? 1\\.0");
        }
    }

    private static <T> List<T> concurrently(int count, java.util.concurrent.Callable<T> call) throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(call));
            }
            List<T> results = new java.util.ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
