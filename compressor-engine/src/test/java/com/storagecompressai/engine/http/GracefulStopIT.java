package com.storagecompressai.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.engine.api.CompressOptions;
import com.storagecompressai.engine.api.Compressed;
import com.storagecompressai.engine.api.Compressor;
import com.storagecompressai.engine.config.EngineConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What SIGTERM does to the engine (its shutdown hook calls {@link EngineServer#close()}): it stops accepting,
 * lets the compression in flight finish and answer, and gives up on one that outlasts ENGINE_STOP_TIMEOUT_SECONDS
 * so the process can exit. The compressor here blocks until the test lets it go, so "in flight" is certain.
 */
class GracefulStopIT {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};

    @Test
    @Timeout(120)
    void finishesTheCompressionInFlightAndAcceptsNoNewConnection() throws Exception {
        BlockingCompressor compressor = new BlockingCompressor();
        EngineServer engine = start(compressor, Duration.ofSeconds(60));
        int port = engine.port();
        try (Socket inFlight = post(port)) {
            // given a compression that has started
            assertThat(compressor.entered.await(30, TimeUnit.SECONDS)).isTrue();

            // when the engine is told to stop
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(engine::close);
            awaitRefusesConnections(port);
            boolean stoppedBeforeTheCompressionEnded = stopped.isDone();
            compressor.release.countDown();

            // then the request in flight gets its whole answer, and only then does the stop end
            String answer = new String(inFlight.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            stopped.get(60, TimeUnit.SECONDS);
            assertThat(stoppedBeforeTheCompressionEnded).isFalse();
            assertThat(answer).startsWith("HTTP/1.1 200 ").contains("Content-Type: image/jpeg");
            assertThat(answer.getBytes(StandardCharsets.ISO_8859_1)).endsWith(JPEG);
        } finally {
            compressor.release.countDown();
            engine.close();
        }
    }

    @Test
    @Timeout(120)
    void aCompressionThatOutlastsTheStopTimeoutDoesNotKeepTheEngineFromStopping() throws Exception {
        BlockingCompressor compressor = new BlockingCompressor();
        EngineServer engine = start(compressor, Duration.ofSeconds(1));
        try (Socket stuck = post(engine.port())) {
            // given a compression that will not end by itself
            assertThat(compressor.entered.await(30, TimeUnit.SECONDS)).isTrue();

            // when
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(engine::close);

            // then the stop returns after the 1 s stop timeout (generously bounded here), the compression still blocked
            stopped.get(60, TimeUnit.SECONDS);
            assertThat(compressor.release.getCount()).isEqualTo(1);
            assertThat(compressor.closed).isTrue();
        } finally {
            compressor.release.countDown();
        }
    }

    private static EngineServer start(Compressor compressor, Duration stopTimeout) throws Exception {
        EngineConfig defaults = EngineConfig.defaults();
        EngineConfig config = new EngineConfig("127.0.0.1", 0, defaults.maxPixels(), defaults.maxUploadBytes(),
                defaults.workers(), defaults.queueCapacity(), stopTimeout, Duration.ofSeconds(60));
        return EngineServer.start(config, "127.0.0.1", compressor, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    private static Socket post(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(60_000);
        byte[] body = {1, 2, 3, 4};
        OutputStream out = socket.getOutputStream();
        out.write(("POST /compress HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return socket;
    }

    /** Waits (bounded) until a new connection to the port is refused: the engine no longer accepts. */
    private static void awaitRefusesConnections(int port) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < giveUp) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            } catch (IOException refused) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the stopping engine still accepted connections after 30 s");
    }

    /** Answers a tiny JPEG, but only once {@link #release} is counted down. */
    private static final class BlockingCompressor implements Compressor {

        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean closed;

        @Override
        public Compressed compress(byte[] image, CompressOptions options) {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Compressed(JPEG.clone(), 1, 1, Duration.ZERO, Duration.ZERO);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
