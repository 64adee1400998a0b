package com.storagecompressai.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.engine.TestPngs;
import com.storagecompressai.engine.config.EngineConfig;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real engine on 127.0.0.1, spoken to over HTTP. */
class EngineServerIT {

    private static final long MAX_UPLOAD_BYTES = 200_000;

    private static EngineServer engine;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        engine = EngineServer.start(EngineConfig.defaults().withPort(0).withMaxUploadBytes(MAX_UPLOAD_BYTES), "127.0.0.1");
        client = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        engine.close();
        client.close();
    }

    @Test
    void compressesAPngToAJpegOfTheSameSize() throws Exception {
        // given
        byte[] png = TestPngs.gradient(120, 80);

        // when
        HttpResponse<byte[]> response = post("/compress?quality=60", png, "text/plain");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/jpeg");
        BufferedImage jpeg = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertThat(jpeg.getWidth()).isEqualTo(120);
        assertThat(jpeg.getHeight()).isEqualTo(80);
        assertThat(response.headers().firstValue("X-Image-Width")).contains("120");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"80abc", "-1", "1e3", " 80 ", "0", "101", ""})
    void refusesBadQuality(String quality) throws Exception {
        HttpResponse<byte[]> response = post("/compress?quality=" + URLEncoder.encode(quality, StandardCharsets.UTF_8),
                TestPngs.gradient(8, 8), "image/png");

        assertError(response, 400, "INVALID_QUALITY");
    }

    @Test
    void refusesARepeatedQuality() throws Exception {
        assertError(post("/compress?quality=80&quality=70", TestPngs.gradient(8, 8), "image/png"), 400, "INVALID_QUALITY");
    }

    @Test
    void refusesAnEmptyBodyAsUnsupported() throws Exception {
        assertError(post("/compress", new byte[0], "image/png"), 400, "UNSUPPORTED_FORMAT");
    }

    @Test
    void refusesTextAsUnsupportedWhateverItsContentType() throws Exception {
        byte[] text = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8);

        assertError(post("/compress", text, "image/png"), 400, "UNSUPPORTED_FORMAT");
    }

    @Test
    void refusesATruncatedPngAsInvalid() throws Exception {
        byte[] png = TestPngs.gradient(64, 64);

        assertError(post("/compress", Arrays.copyOf(png, png.length / 2), "image/png"), 400, "INVALID_IMAGE");
    }

    @Test
    void refusesADecompressionBombFromItsHeader() throws Exception {
        byte[] bomb = TestPngs.headerOnly(100_000, 100_000);

        assertThat(bomb.length).isLessThan(100);
        assertError(post("/compress", bomb, "image/png"), 413, "IMAGE_TOO_LARGE");
    }

    @Test
    void refusesABodyOverTheUploadLimit() throws Exception {
        // given: Expect: 100-continue, as curl sends for big bodies; without it the engine's early 413 and close can
        // race the client's upload and surface as a reset instead of the answer
        HttpRequest request = HttpRequest.newBuilder(engine.uri().resolve("/compress"))
                .header("Content-Type", "image/png")
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[(int) MAX_UPLOAD_BYTES + 1]))
                .build();

        // when / then
        assertError(client.send(request, HttpResponse.BodyHandlers.ofByteArray()), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void refusesAStreamedBodyOverTheUploadLimitWhileReading() throws Exception {
        // given: no Content-Length, so only counting while reading can catch it
        HttpRequest request = HttpRequest.newBuilder(engine.uri().resolve("/compress"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(new byte[(int) MAX_UPLOAD_BYTES + 10])))
                .build();

        // when
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());

        // then
        assertError(response, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void answersHealthAndReadiness() throws Exception {
        HttpResponse<String> health = get("/health");
        HttpResponse<String> ready = get("/health/ready");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(ready.statusCode()).isEqualTo(200);
    }

    @Test
    void metricsMoveAfterACompression() throws Exception {
        // given
        double before = metricValue(get("/metrics").body(), "images_compressed_total");

        // when
        post("/compress", TestPngs.gradient(16, 16), "image/png");

        // then
        String after = get("/metrics").body();
        assertThat(metricValue(after, "images_compressed_total")).isEqualTo(before + 1);
        assertThat(after).contains("image_encode_seconds_count", "http_server_requests_seconds_bucket",
                "jvm_memory_used_bytes", "process_cpu_usage");
    }

    @Test
    void echoesASaneRequestIdAndReplacesAnInsaneOne() throws Exception {
        HttpResponse<String> sane = client.send(HttpRequest.newBuilder(engine.uri().resolve("/health"))
                .header("X-Request-Id", "trace-42.a_b").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> insane = client.send(HttpRequest.newBuilder(engine.uri().resolve("/health"))
                .header("X-Request-Id", "x".repeat(65)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(sane.headers().firstValue("X-Request-Id")).contains("trace-42.a_b");
        assertThat(insane.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
    }

    @Test
    void answersUnknownRoutesAndMethodsWithJson() throws Exception {
        HttpResponse<String> missing = get("/nope");
        HttpResponse<String> wrongMethod = get("/compress");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"code\":\"NOT_FOUND\"");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("POST");
        assertThat(wrongMethod.body()).contains("\"code\":\"METHOD_NOT_ALLOWED\"");
        assertThat(missing.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void answersJettysOwnErrorsInJsonToo() throws Exception {
        // given: a request line Jetty refuses before any handler runs
        String raw;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", engine.port())) {
            socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            socket.shutdownOutput();
            raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }

        // then
        assertThat(raw).startsWith("HTTP/1.1 400");
        assertThat(raw).contains("application/json").contains("\"code\":\"INVALID_REQUEST\"").doesNotContain("<html");
    }

    @Test
    void answersAnOversizedHeaderWithJson() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(engine.uri().resolve("/health"))
                .header("X-Filler", "a".repeat(20_000)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(431);
        assertThat(response.body()).contains("\"statusCode\":431").contains("\"code\":\"INVALID_REQUEST\"");
    }

    private static void assertError(HttpResponse<byte[]> response, int status, String code) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(body).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(body).matches("\\{\"statusCode\":" + status + ",\"error\":\"[A-Za-z ]+\",\"message\":\"[^\"]+\",\"code\":\""
                + code + "\"\\}");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }

    private static HttpResponse<byte[]> post(String pathAndQuery, byte[] body, String contentType) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(engine.uri() + pathAndQuery))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(engine.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double metricValue(String scrape, String name) {
        return scrape.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
