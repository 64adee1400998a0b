package com.storagecompressai.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.engine.TestPngs;
import com.storagecompressai.engine.config.EngineConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An error answered before the request body was read: Jetty cannot reuse the connection, so the answer says
 * {@code Connection: close} and the engine closes it, instead of leaving a client to send its next request on a
 * dead socket. An error answered after the whole body was read keeps the connection. Raw sockets, so the
 * headers and the close are seen as they are on the wire.
 */
class UnreadBodyIT {

    private static final long MAX_UPLOAD_BYTES = 64 * 1024;
    /** Far beyond anything the engine needs; only reached if it keeps a connection it said it would close. */
    private static final int CLIENT_PATIENCE_MILLIS = 20_000;

    private static EngineServer engine;

    @BeforeAll
    static void start() throws Exception {
        engine = EngineServer.start(EngineConfig.defaults().withPort(0).withMaxUploadBytes(MAX_UPLOAD_BYTES), "127.0.0.1");
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "POST, /compress?quality=80abc, 400, INVALID_QUALITY",
        "POST, /compress?width=-5, 400, INVALID_REQUEST",
        "POST, /nowhere, 404, NOT_FOUND",
        "PUT, /compress, 405, METHOD_NOT_ALLOWED"})
    void anEarlyErrorWithTheBodyUnreadSaysConnectionCloseAndCloses(String method, String target, int status, String code)
            throws Exception {
        try (Socket socket = connect()) {
            // given: a whole request with a 2 KB body the engine has no reason to read
            byte[] body = TestPngs.gradient(16, 16);
            send(socket, method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: image/png\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n", body);

            // when
            Answer answer = Answer.read(socket.getInputStream());

            // then
            assertThat(answer.status()).as(answer.head()).isEqualTo(status);
            assertThat(answer.body()).contains("\"code\":\"" + code + "\"");
            assertThat(answer.header("connection")).isEqualToIgnoringCase("close");
            assertThat(closedByEngine(socket)).isTrue();
        }
    }

    @Test
    void connectionCloseIsAddedBesideTheHeadersTheErrorAlreadyHas() throws Exception {
        try (Socket socket = connect()) {
            // given: a wrong method with a body, answered 405 with Allow
            send(socket, "DELETE /compress HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n\r\n",
                    new byte[] {1, 2, 3});

            // when
            Answer answer = Answer.read(socket.getInputStream());

            // then: both, not one instead of the other
            assertThat(answer.status()).isEqualTo(405);
            assertThat(answer.header("allow")).isEqualTo("POST");
            assertThat(answer.header("connection")).isEqualToIgnoringCase("close");
        }
    }

    @Test
    void aBodyRefusedFromItsContentLengthSaysConnectionCloseBeforeTheClientSendsIt() throws Exception {
        try (Socket socket = connect()) {
            // given: headers announcing a body over the limit, and none of it sent
            send(socket, "POST /compress HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: image/png\r\n"
                    + "Content-Length: " + (MAX_UPLOAD_BYTES * 16) + "\r\n\r\n", new byte[0]);

            // when
            Answer answer = Answer.read(socket.getInputStream());

            // then
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
            assertThat(answer.header("connection")).isEqualToIgnoringCase("close");
            assertThat(closedByEngine(socket)).isTrue();
        }
    }

    @Test
    void anErrorAfterTheWholeBodyWasReadKeepsTheConnectionForTheNextRequest() throws Exception {
        try (Socket socket = connect()) {
            // given: a body the engine reads to its end before refusing it
            byte[] text = "just some text, not an image".getBytes(StandardCharsets.US_ASCII);
            send(socket, "POST /compress HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + text.length + "\r\n\r\n", text);
            Answer refused = Answer.read(socket.getInputStream());

            // when: the next request goes on the same connection
            send(socket, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", new byte[0]);
            Answer health = Answer.read(socket.getInputStream());

            // then
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("\"code\":\"UNSUPPORTED_FORMAT\"");
            assertThat(refused.header("connection")).isNull();
            assertThat(health.status()).isEqualTo(200);
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", engine.port());
        socket.setSoTimeout(CLIENT_PATIENCE_MILLIS);
        return socket;
    }

    private static void send(Socket socket, String head, byte[] body) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(body);
        // one write: the whole request arrives with the headers, so nothing is left unread in the kernel
        socket.getOutputStream().write(request.toByteArray());
        socket.getOutputStream().flush();
    }

    /** True once the engine has closed its side: end of stream (or a reset) with nothing more sent. */
    private static boolean closedByEngine(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    /** One HTTP/1.1 answer with a Content-Length body, read byte by byte so the stream stays at the next answer. */
    private record Answer(String head, int status, String body) {

        static Answer read(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("the connection ended inside the headers: " + head);
                }
                head.write(b);
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(text.substring(9, 12));
            String length = headerOf(text, "content-length");
            byte[] body = in.readNBytes(length == null ? 0 : Integer.parseInt(length));
            return new Answer(text, status, new String(body, StandardCharsets.UTF_8));
        }

        String header(String name) {
            return headerOf(head, name);
        }

        private static String headerOf(String head, String name) {
            return head.lines()
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name + ":"))
                    .map(line -> line.substring(name.length() + 1).strip())
                    .findFirst().orElse(null);
        }
    }
}
