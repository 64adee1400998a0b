package com.storagecompressai.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.storagecompressai.engine.TestPngs;
import com.storagecompressai.engine.config.EngineConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine against hostile uploads: each gets the documented status and code in the JSON error shape
 * (never a stack trace, never a 500), and after hundreds of them the process is healthy and its heap is back
 * where it started.
 */
class HostileInputsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static EngineServer engine;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        engine = EngineServer.start(EngineConfig.defaults().withPort(0).withMaxPixels(HostileUploads.MAX_PIXELS)
                .withMaxUploadBytes(16L << 20), "127.0.0.1");
        client = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        engine.close();
        client.close();
    }

    static Stream<HostileUploads.Upload> uploads() {
        return HostileUploads.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uploads")
    void answersEachHostileUploadAsDocumented(HostileUploads.Upload upload) throws Exception {
        // when
        HttpResponse<byte[]> response = post("/compress", upload.body());

        // then
        assertThat(response.statusCode()).as(upload.defect()).isEqualTo(upload.status());
        if (upload.code() == null) {
            assertThat(response.headers().firstValue("Content-Type")).contains("image/jpeg");
        } else {
            assertJsonError(response, upload.status(), upload.code());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"quality=80abc", "quality=-1", "quality=1e3", "quality=%2080%20", "quality=0",
            "quality=101", "quality=", "quality", "quality=80&quality=80", "quality=%EF%BC%98%EF%BC%90",
            "quality=0x50", "quality=80.0", "quality=+80", "quality=99999999999999999999"})
    void refusesEveryMalformedQualityWithInvalidQuality(String query) throws Exception {
        HttpResponse<byte[]> response = post("/compress?" + query, TestPngs.gradient(8, 8));

        assertJsonError(response, 400, "INVALID_QUALITY");
    }

    @Test
    void refusesABrokenPercentEncodingWithAJson400() throws Exception {
        // given: a query java.net.URI will not even build, so it goes over a raw socket
        String request = "POST /compress?quality=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n";

        // when
        String answer;
        try (Socket socket = new Socket("127.0.0.1", engine.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        // then: Jetty or our parser refuses it, in our JSON shape either way
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).containsAnyOf("\"code\":\"INVALID_REQUEST\"", "\"code\":\"INVALID_QUALITY\"");
        assertThat(answer).doesNotContain("Exception", "\tat ");
    }

    @Test
    void keepingTheMetadataOfAJpegCarryingMegabytesOfLyingExifAnswersAJpegWithoutThoseMegabytes() throws Exception {
        // given: 8 MB of APP1 Exif segments with looping, overlong IFDs in front of a 640x480 photo
        byte[] upload = HostileUploads.withLyingExif(HostileUploads.photoJpeg(), 128);

        // when: strip=false asks for the EXIF to be carried over
        HttpResponse<byte[]> response = post("/compress?strip=false", upload);

        // then: an image, upright, with at most one EXIF segment of at most 64 KB copied
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(response.headers().firstValue("X-Image-Width")).contains("640");
        assertThat(response.body().length).isLessThan(upload.length / 16);
        assertThat(app1Segments(response.body())).isLessThanOrEqualTo(1);
    }

    /** The APP1 segments before the first scan of a JPEG. */
    private static int app1Segments(byte[] jpeg) {
        int count = 0;
        int pos = 2;
        while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
            int marker = jpeg[pos + 1] & 0xFF;
            if (marker == 0xDA) {
                break;
            }
            count += marker == 0xE1 ? 1 : 0;
            pos += 2 + ((jpeg[pos + 2] & 0xFF) << 8 | (jpeg[pos + 3] & 0xFF));
        }
        return count;
    }

    @Test
    void staysHealthyAndReturnsToItsHeapBaselineAfterHundredsOfHostileUploads() throws Exception {
        // given: a warmed-up engine (classes loaded, pools and buffers at their working size)
        List<HostileUploads.Upload> uploads = HostileUploads.all();
        for (HostileUploads.Upload upload : uploads) {
            post("/compress", upload.body());
        }
        long baseline = usedHeapAfterGc();

        // when: 320 more, every defect about 20 times
        for (int i = 0; i < 320; i++) {
            HostileUploads.Upload upload = uploads.get(i % uploads.size());
            assertThat(post("/compress", upload.body()).statusCode()).as(upload.defect()).isEqualTo(upload.status());
        }

        // then
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(engine.uri().resolve("/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("ok");
        assertThat(post("/compress", TestPngs.gradient(64, 64)).statusCode()).isEqualTo(200);
        // retaining the bodies would keep ~150 MB (320 uploads, 480 KB on average); pools and caches stay well below
        assertThat(usedHeapAfterGc(baseline + (48L << 20))).isLessThan(baseline + (48L << 20));
    }

    private static long usedHeapAfterGc() {
        return usedHeapAfterGc(0);
    }

    /**
     * The heap's used bytes after full collections: the lowest of up to ten, stopping early once under
     * {@code target}, so that a straggler (a response still being released) does not fail the test but a leak,
     * which no collection frees, does.
     */
    private static long usedHeapAfterGc(long target) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long lowest = Long.MAX_VALUE;
        for (int i = 0; i < 10 && lowest >= target; i++) {
            System.gc();
            lowest = Math.min(lowest, memory.getHeapMemoryUsage().getUsed());
        }
        return lowest;
    }

    private static void assertJsonError(HttpResponse<byte[]> response, int status, String code) throws Exception {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(body).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode json = JSON.readTree(body);
        assertThat(json.path("statusCode").asInt()).isEqualTo(status);
        assertThat(json.path("code").asText()).isEqualTo(code);
        assertThat(json.path("message").asText()).isNotBlank();
        assertThat(body).doesNotContain("Exception", "\tat ", "com.storagecompressai", "java.");
    }

    private static HttpResponse<byte[]> post(String pathAndQuery, byte[] body) throws Exception {
        URI uri = URI.create(engine.uri() + pathAndQuery);
        return client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
