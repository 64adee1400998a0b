package com.storagecompressai.gateway.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storagecompressai.engine.api.CompressOptions;
import com.storagecompressai.engine.api.Compressed;
import com.storagecompressai.engine.api.CompressionException;
import com.storagecompressai.engine.api.ErrorCode;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine client against a scripted engine on 127.0.0.1: what it sends, and how answers map back. */
class RemoteCompressorIT {

    private record Answer(int status, String contentType, byte[] body) {
    }

    private final AtomicReference<Answer> answer = new AtomicReference<>();
    private final AtomicReference<String> seenQuery = new AtomicReference<>();
    private final AtomicReference<byte[]> seenBody = new AtomicReference<>();
    private HttpServer engine;
    private RemoteCompressor compressor;

    @BeforeEach
    void start() throws IOException {
        engine = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        engine.createContext("/compress", exchange -> {
            seenQuery.set(exchange.getRequestURI().getRawQuery());
            seenBody.set(exchange.getRequestBody().readAllBytes());
            Answer reply = answer.get();
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), reply.body().length);
            exchange.getResponseBody().write(reply.body());
            exchange.close();
        });
        engine.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        engine.start();
        compressor = new RemoteCompressor(URI.create("http://127.0.0.1:" + engine.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        compressor.close();
        engine.stop(0);
    }

    @Test
    void postsTheRawBytesWithQualityAndReadsSizeFromTheJpeg() throws Exception {
        // given
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "jpeg", jpeg);
        answer.set(new Answer(200, "image/jpeg", jpeg.toByteArray()));
        byte[] upload = {1, 2, 3, 4};
        // when
        Compressed result = compressor.compress(upload, new CompressOptions(65));
        // then
        assertThat(seenQuery.get()).isEqualTo("quality=65");
        assertThat(seenBody.get()).isEqualTo(upload);
        assertThat(result.jpeg()).isEqualTo(jpeg.toByteArray());
        assertThat(result.width()).isEqualTo(40);
        assertThat(result.height()).isEqualTo(30);
        assertThat(compressor.isReady()).isTrue();
    }

    @Test
    void mapsTheEnginesErrorCodeBack() {
        answer.set(new Answer(413, "application/json", json(413, "Payload Too Large", "too many pixels", "IMAGE_TOO_LARGE")));
        assertCode(ErrorCode.IMAGE_TOO_LARGE);
        answer.set(new Answer(503, "application/json", json(503, "Service Unavailable", "busy", "OVERLOADED")));
        assertCode(ErrorCode.OVERLOADED);
        answer.set(new Answer(400, "application/json", json(400, "Bad Request", "bad", "UNSUPPORTED_FORMAT")));
        assertCode(ErrorCode.UNSUPPORTED_FORMAT);
    }

    @Test
    void treatsAnUnknownFailureAsCompressionFailed() {
        answer.set(new Answer(500, "text/html", "<h1>oops</h1>".getBytes(StandardCharsets.UTF_8)));
        assertCode(ErrorCode.COMPRESSION_FAILED);
    }

    @Test
    void reportsAnEngineThatIsGoneAsUnavailable() {
        engine.stop(0);
        answer.set(new Answer(200, "image/jpeg", new byte[0]));
        assertCode(ErrorCode.ENGINE_UNAVAILABLE);
        assertThat(compressor.isReady()).isFalse();
    }

    private void assertCode(ErrorCode code) {
        assertThatThrownBy(() -> compressor.compress(new byte[] {1}, CompressOptions.defaults()))
                .isInstanceOfSatisfying(CompressionException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private static byte[] json(int status, String error, String message, String code) {
        return ("{\"statusCode\":" + status + ",\"error\":\"" + error + "\",\"message\":\"" + message + "\",\"code\":\"" + code + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
