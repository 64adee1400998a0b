package com.storagecompressai.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.engine.api.CompressOptions;
import com.storagecompressai.engine.api.Compressed;
import com.storagecompressai.engine.api.Compressor;
import com.storagecompressai.engine.config.EngineConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Overload stays bounded in memory: with every in-flight slot taken (4 × (workers + queue)), the next compression is
 * answered 503 OVERLOADED with Retry-After before its body is read, so a burst of large uploads is never buffered.
 * The compressor here blocks until the test lets it go, so the slots are certainly taken.
 */
class InFlightLimitIT {

    private static final int WORKERS = 1;
    private static final int QUEUE = 0;
    private static final int MAX_IN_FLIGHT = 4 * (WORKERS + QUEUE);

    @Test
    @Timeout(120)
    void aCompressionBeyondTheInFlightLimitIs503WithRetryAfterBeforeItsBodyIsSent() throws Exception {
        BlockingCompressor compressor = new BlockingCompressor(MAX_IN_FLIGHT);
        EngineConfig defaults = EngineConfig.defaults();
        EngineConfig config = new EngineConfig("127.0.0.1", 0, defaults.maxPixels(), defaults.maxUploadBytes(), WORKERS, QUEUE,
                Duration.ofSeconds(1), Duration.ofSeconds(60));
        List<Socket> held = new ArrayList<>();
        try (EngineServer engine = EngineServer.start(config, "127.0.0.1", compressor,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
            // given every slot held by a compression in progress
            for (int i = 0; i < MAX_IN_FLIGHT; i++) {
                held.add(send(engine.port(), "POST /compress HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\n\r\nabcd"));
            }
            assertThat(compressor.entered.await(30, TimeUnit.SECONDS)).isTrue();

            // when one more announces 20 MB and sends none of it
            String answer;
            try (Socket extra = send(engine.port(), "POST /compress HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 20000000\r\n\r\n")) {
                answer = head(extra.getInputStream());
            }

            // then it is refused at once, and told to come back
            assertThat(answer).startsWith("HTTP/1.1 503 ").containsIgnoringCase("Retry-After: ")
                    .containsIgnoringCase("Connection: close");
            compressor.release.countDown();
            for (Socket socket : held) {
                assertThat(head(socket.getInputStream())).startsWith("HTTP/1.1 200 ");
            }
        } finally {
            compressor.release.countDown();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private static Socket send(int port, String request) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(60_000);
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** The status line and headers of the next answer. */
    private static String head(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    /** Answers a tiny JPEG once {@link #release} is counted down; {@link #entered} counts the calls that started. */
    private static final class BlockingCompressor implements Compressor {

        final CountDownLatch entered;
        final CountDownLatch release = new CountDownLatch(1);

        BlockingCompressor(int expected) {
            entered = new CountDownLatch(expected);
        }

        @Override
        public Compressed compress(byte[] image, CompressOptions options) {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Compressed(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}, 1, 1, Duration.ZERO,
                    Duration.ZERO);
        }
    }
}
