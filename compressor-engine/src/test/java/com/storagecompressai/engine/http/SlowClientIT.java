package com.storagecompressai.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.engine.config.EngineConfig;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients that start a request and then stall: after ENGINE_READ_TIMEOUT_SECONDS (1 s here) the engine answers
 * 408 REQUEST_TIMEOUT if it can, closes the connection, and goes on serving everyone else.
 */
class SlowClientIT {

    /** Far beyond the engine's 1 s: only reached if the engine never gives up on the client. */
    private static final int CLIENT_PATIENCE_MILLIS = 20_000;

    private static EngineServer engine;

    @BeforeAll
    static void start() throws Exception {
        engine = EngineServer.start(EngineConfig.defaults().withPort(0).withReadTimeout(Duration.ofSeconds(1)),
                "127.0.0.1");
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void answersABodyThatStallsWith408AndClosesTheConnection() throws Exception {
        // given: headers announcing 100 KB, then 10 bytes, then nothing
        String headers = "POST /compress HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: image/png\r\n"
                + "Content-Length: 100000\r\n\r\n";

        // when
        String answer = sendAndStall(headers.getBytes(StandardCharsets.US_ASCII), new byte[10]);

        // then
        assertThat(answer).startsWith("HTTP/1.1 408");
        assertThat(answer).contains("\"code\":\"REQUEST_TIMEOUT\"");
        assertThat(answer).doesNotContain("Exception");
        assertEngineHealthy();
    }

    @Test
    void closesAConnectionWhoseHeadersStall() throws Exception {
        // given: a request line and half the headers, never the blank line
        byte[] partial = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);

        // when
        String answer = sendAndStall(partial, new byte[0]);

        // then: closed, with at most a 408 (never a 200 for half a request, never a 500)
        assertThat(answer).satisfiesAnyOf(
                a -> assertThat(a).isEmpty(),
                a -> assertThat(a).startsWith("HTTP/1.1 408"));
        assertEngineHealthy();
    }

    /** Sends, stalls, and returns all the engine wrote until it closed the connection. */
    private static String sendAndStall(byte[] first, byte[] second) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", engine.port())) {
            socket.setSoTimeout(CLIENT_PATIENCE_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(first);
            out.write(second);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                in.transferTo(answer);
            } catch (SocketTimeoutException stillOpen) {
                throw new AssertionError("the engine kept a stalled connection open for "
                        + CLIENT_PATIENCE_MILLIS + " ms; it answered: " + answer);
            } catch (java.net.SocketException reset) {
                // a reset is a close too
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static void assertEngineHealthy() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(engine.uri().resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        }
    }
}
