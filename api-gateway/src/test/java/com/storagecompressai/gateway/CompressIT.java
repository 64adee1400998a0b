package com.storagecompressai.gateway;

import static com.storagecompressai.gateway.Bodies.code;
import static com.storagecompressai.gateway.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real gateway with the in-process engine and the local store: the whole {@code POST /compress} contract. */
class CompressIT {

    @TempDir
    static Path data;

    static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start(data, Map.of("MAX_PIXELS", "4000000"));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    private static MultipartBody png(int width, int height) {
        return MultipartBody.create().file("image", "photo.png", "image/png", TestImages.gradientPng(width, height));
    }

    @Test
    void compressesStoresAndServesAJpegOfTheSameSize() throws IOException {
        // given
        byte[] original = TestImages.gradientPng(320, 200);
        MultipartBody body = MultipartBody.create().file("image", "../../etc/passwd.png", "text/plain", original)
                .field("quality", "75");
        // when
        HttpResponse<byte[]> response = gateway.compress(TestGateway.KEY, body);
        // then
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        JsonNode result = json(response);
        Iterator<String> fields = result.fieldNames();
        assertThat(fields.next()).isEqualTo("url");
        assertThat(result.path("width").asInt()).isEqualTo(320);
        assertThat(result.path("height").asInt()).isEqualTo(200);
        assertThat(result.path("quality").asInt()).isEqualTo(75);
        assertThat(result.path("originalSize").asLong()).isEqualTo(original.length);
        URI url = URI.create(result.path("url").asText());
        assertThat(url.getPath()).matches("/storage/v1/object/public/images/[A-Za-z0-9_-]{22}\\.jpg");
        assertThat(url.getPath()).doesNotContain("passwd");

        HttpResponse<byte[]> fetched = gateway.send(HttpRequest.newBuilder(url).GET().build());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(fetched.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(fetched.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(fetched.body().length).isEqualTo(result.path("size").asInt());
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(fetched.body()));
        assertThat(decoded.getWidth()).isEqualTo(320);
        assertThat(decoded.getHeight()).isEqualTo(200);
    }

    @Test
    void servesStoredObjectsWithValidatorsHeadAndConditionalGets() {
        // given
        HttpResponse<byte[]> stored = gateway.compress(TestGateway.KEY, png(64, 48));
        URI url = URI.create(json(stored).path("url").asText());
        HttpResponse<byte[]> first = gateway.send(HttpRequest.newBuilder(url).GET().build());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        // when
        HttpResponse<byte[]> head = gateway.send(HttpRequest.newBuilder(url).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        HttpResponse<byte[]> byEtag = gateway.send(HttpRequest.newBuilder(url).header("If-None-Match", etag).GET().build());
        HttpResponse<byte[]> byDate = gateway.send(HttpRequest.newBuilder(url).header("If-Modified-Since", lastModified).GET().build());
        HttpResponse<byte[]> otherEtag = gateway.send(HttpRequest.newBuilder(url).header("If-None-Match", "\"other\"").GET().build());
        // then
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(first.body().length);
        assertThat(byEtag.statusCode()).isEqualTo(304);
        assertThat(byEtag.body()).isEmpty();
        assertThat(byDate.statusCode()).isEqualTo(304);
        assertThat(otherEtag.statusCode()).isEqualTo(200);
    }

    @Test
    void answersMissingObjectsAndTraversalWithJson404() {
        for (String path : List.of("/storage/v1/object/public/images/nothing-here.jpg",
                "/storage/v1/object/public/other-bucket/x.jpg",
                "/storage/v1/object/public/images/..%2F..%2Fetc%2Fpasswd",
                "/storage/v1/object/public/images/.hidden.jpg")) {
            HttpResponse<byte[]> response = gateway.get(path);
            assertThat(response.statusCode()).as(path).isIn(400, 404);
            assertThat(code(response)).as(path).isIn("NOT_FOUND", "INVALID_REQUEST");
            assertThat(response.headers().firstValue("X-Request-Id")).as(path).isPresent();
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("root:");
        }
        assertThat(code(gateway.get("/storage/v1/object/public/images/nothing-here.jpg"))).isEqualTo("NOT_FOUND");
    }

    @Test
    void objectsAreNeverHalfWritten() throws IOException {
        // given a few uploads
        gateway.compress(TestGateway.KEY, png(16, 16));
        // then only finished .jpg files are in the bucket folder
        try (Stream<Path> files = Files.list(data.resolve("images"))) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(name -> name.endsWith(".jpg") && !name.startsWith("."));
        }
    }

    @Test
    void acceptsEitherConfiguredKey() {
        assertThat(gateway.compress(TestGateway.OTHER_KEY, png(8, 8)).statusCode()).isEqualTo(200);
        assertThat(gateway.compress(TestGateway.KEY, png(8, 8)).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesMissingAndWrongKeysBeforeReadingTheBody() {
        HttpResponse<byte[]> missing = gateway.compress(null, png(8, 8));
        HttpResponse<byte[]> wrong = gateway.compress("not-the-key", "text/plain", "whatever".getBytes());
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(code(missing)).isEqualTo("UNAUTHORIZED");
        assertThat(json(missing).path("error").asText()).isEqualTo("Unauthorized");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(code(wrong)).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void refusesAFormWithoutImage() {
        HttpResponse<byte[]> response = gateway.compress(TestGateway.KEY, MultipartBody.create().field("quality", "50"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("statusCode").asInt()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).isEqualTo("Bad Request");
        assertThat(code(response)).isEqualTo("MISSING_IMAGE");
    }

    @Test
    void refusesBodiesThatAreNotMultipartOrHaveNoBoundary() {
        byte[] body = png(8, 8).bytes();
        HttpResponse<byte[]> json = gateway.compress(TestGateway.KEY, "application/json", "{}".getBytes());
        HttpResponse<byte[]> noType = gateway.compress(TestGateway.KEY, null, body);
        HttpResponse<byte[]> noBoundary = gateway.compress(TestGateway.KEY, "multipart/form-data", body);
        assertThat(List.of(json, noType, noBoundary)).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(code(r)).isEqualTo("INVALID_REQUEST");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "101", "-1", "+50", "50.5", "5e1", "0x32", " 50", "fifty"})
    void refusesInvalidQuality(String quality) {
        HttpResponse<byte[]> response = gateway.compress(TestGateway.KEY, png(8, 8).field("quality", quality));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(code(response)).isEqualTo("INVALID_QUALITY");
    }

    @Test
    void refusesDuplicateFields() {
        HttpResponse<byte[]> twoImages = gateway.compress(TestGateway.KEY,
                png(8, 8).file("image", "b.png", "image/png", TestImages.gradientPng(8, 8)));
        HttpResponse<byte[]> twoQualities = gateway.compress(TestGateway.KEY, png(8, 8).field("quality", "50").field("quality", "90"));
        assertThat(twoImages.statusCode()).isEqualTo(400);
        assertThat(code(twoImages)).isEqualTo("INVALID_REQUEST");
        assertThat(twoQualities.statusCode()).isEqualTo(400);
        assertThat(code(twoQualities)).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void refusesGarbageAndUnsupportedFormats() {
        byte[] brokenPng = java.util.Arrays.copyOf(TestImages.gradientPng(64, 64), 60);
        HttpResponse<byte[]> broken = gateway.compress(TestGateway.KEY,
                MultipartBody.create().file("image", "x.png", "image/png", brokenPng));
        HttpResponse<byte[]> text = gateway.compress(TestGateway.KEY,
                MultipartBody.create().file("image", "x.png", "image/png", TestImages.garbage()));
        HttpResponse<byte[]> pdf = gateway.compress(TestGateway.KEY,
                MultipartBody.create().file("image", "x.jpg", "image/jpeg", TestImages.pdf()));
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(code(broken)).isEqualTo("INVALID_IMAGE");
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(code(text)).isIn("UNSUPPORTED_FORMAT", "INVALID_IMAGE");
        assertThat(pdf.statusCode()).isEqualTo(400);
        assertThat(code(pdf)).isEqualTo("UNSUPPORTED_FORMAT");
    }

    @Test
    void refusesADecompressionBombFromItsHeader() {
        HttpResponse<byte[]> response = gateway.compress(TestGateway.KEY,
                MultipartBody.create().file("image", "bomb.png", "image/png", TestImages.pngHeaderClaiming(100_000, 100_000)));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(code(response)).isEqualTo("IMAGE_TOO_LARGE");
    }

    @Test
    void echoesASaneRequestIdAndReplacesAnUnsafeOne() {
        HttpResponse<byte[]> sane = gateway.send(HttpRequest.newBuilder(gateway.uri("/health")).header("X-Request-Id", "client-id-42").GET().build());
        HttpResponse<byte[]> unsafe = gateway.send(HttpRequest.newBuilder(gateway.uri("/health")).header("X-Request-Id", "a b").GET().build());
        HttpResponse<byte[]> none = gateway.compress(null, png(8, 8));
        assertThat(sane.headers().firstValue("X-Request-Id")).hasValue("client-id-42");
        assertThat(unsafe.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
        assertThat(none.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void answersUnknownRoutesAndWrongMethodsWithJson() {
        HttpResponse<byte[]> unknown = gateway.get("/nope");
        HttpResponse<byte[]> wrongMethod = gateway.get("/compress");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(code(unknown)).isEqualTo("NOT_FOUND");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void reportsLivenessAndReadiness() {
        HttpResponse<byte[]> live = gateway.get("/health");
        HttpResponse<byte[]> ready = gateway.get("/health/ready");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(new String(live.body(), StandardCharsets.UTF_8)).isEqualTo("{\"status\":\"ok\"}");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready).path("engine").asText()).isEqualTo("ready");
        assertThat(json(ready).path("storage").asText()).isEqualTo("ready");
    }

    @Test
    void carriesRateLimitHeadersOnSuccess() {
        HttpResponse<byte[]> response = gateway.compress(TestGateway.KEY, png(8, 8));
        assertThat(response.headers().firstValue("RateLimit-Limit")).hasValue("1000");
        assertThat(response.headers().firstValue("RateLimit-Remaining")).isPresent();
        assertThat(response.headers().firstValue("RateLimit-Reset")).isPresent();
    }

    @Test
    void countsRequestsImagesAndBytesInMetrics() {
        // given
        double before = metric(scrape(), "gateway_images_compressed_total");
        // when
        gateway.compress(TestGateway.KEY, png(32, 32));
        String after = scrape();
        // then
        assertThat(metric(after, "gateway_images_compressed_total")).isEqualTo(before + 1);
        assertThat(after).contains("http_server_requests_seconds_bucket")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/compress\"")
                .contains("gateway_input_bytes_total").contains("gateway_output_bytes_total")
                .contains("gateway_upload_seconds_count").contains("image_decode_seconds_count").contains("image_encode_seconds_count")
                .contains("jvm_memory_used_bytes").contains("process_cpu_usage");
    }

    @Test
    void answersMalformedHttpWithJsonToo() throws IOException {
        // given a request whose header line has no colon, which Jetty refuses before our handler runs
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", gateway.server().port())) {
            socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\nthis is not a header\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            // when
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // then
            assertThat(response).startsWith("HTTP/1.1 400").contains("\"code\":\"INVALID_REQUEST\"").doesNotContain("<html");
        }
    }

    @Test
    void logsOneLinePerRequestWithoutTheKey() {
        // given
        ch.qos.logback.classic.Logger access = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("access");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines = new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        access.addAppender(lines);
        try {
            // when
            gateway.send(HttpRequest.newBuilder(gateway.uri("/compress")).header("x-api-key", TestGateway.KEY)
                    .header("X-Request-Id", "log-line-check").header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build());
        } finally {
            access.detachAppender(lines);
        }
        // then
        assertThat(lines.list).hasSize(1);
        String line = lines.list.getFirst().getFormattedMessage();
        assertThat(line).contains("POST /compress 400").contains("id=log-line-check").contains("in=").contains("out=")
                .doesNotContain(TestGateway.KEY);
    }

    private static String scrape() {
        HttpResponse<byte[]> response = gateway.get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static double metric(String text, String name) {
        return text.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
