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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The optional fields of {@code POST /compress} (resize, target, max_bytes, output, dedupe) on the real gateway. */
class CompressOptionsIT {

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

    private static byte[] fetch(JsonNode result) {
        HttpResponse<byte[]> fetched = gateway.send(HttpRequest.newBuilder(URI.create(result.path("url").asText())).GET().build());
        assertThat(fetched.statusCode()).isEqualTo(200);
        return fetched.body();
    }

    private static BufferedImage decode(byte[] jpeg) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    @ParameterizedTest
    @CsvSource({
        "width=100, 100, 63",
        "height=50, 80, 50",
        "width=100;height=50;fit=fill, 100, 50",
        "width=64;height=64;fit=cover, 64, 64",
        "width=64;height=64;fit=contain, 64, 64",
        "width=640, 320, 200",
        "width=640;enlarge=true, 640, 400"})
    void resizesToTheAskedBoxAndAnswersTheOutputSize(String fields, int width, int height) throws IOException {
        // given a 320 × 200 image
        MultipartBody body = png(320, 200);
        for (String field : fields.split(";")) {
            String[] pair = field.split("=");
            body.field(pair[0], pair[1]);
        }
        // when
        HttpResponse<byte[]> response = gateway.compress(TestGateway.KEY, body);
        // then
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.path("width").asInt()).isBetween(width - 1, width);
        assertThat(result.path("height").asInt()).isBetween(height - 1, height);
        BufferedImage stored = decode(fetch(result));
        assertThat(stored.getWidth()).isEqualTo(result.path("width").asInt());
        assertThat(stored.getHeight()).isEqualTo(result.path("height").asInt());
    }

    @Test
    void withoutOptionsAnswersTheAskedQualityNoScoreAndAnEncodedSource() {
        // when
        HttpResponse<byte[]> response = gateway.compress(TestGateway.KEY, png(64, 48).field("quality", "70"));
        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.path("quality").asInt()).isEqualTo(70);
        assertThat(result.has("score")).isFalse();
        assertThat(result.path("source").asText()).isEqualTo("encoded");
    }

    @Test
    void aTargetChoosesAQualityWhoseMeasuredScoreReachesIt() {
        // when quality is given too, the target wins
        HttpResponse<byte[]> response = gateway.compress(TestGateway.KEY, png(160, 120).field("quality", "5").field("target", "0.95"));
        // then
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.path("quality").asInt()).isBetween(1, 100);
        assertThat(result.path("score").isNumber()).isTrue();
        assertThat(result.path("score").asDouble()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void maxBytesIsRespected() {
        // when
        HttpResponse<byte[]> response = gateway.compress(TestGateway.KEY, png(320, 200).field("max_bytes", "3000"));
        // then
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.path("size").asLong()).isLessThanOrEqualTo(3000);
        assertThat(fetch(result).length).isLessThanOrEqualTo(3000);
        assertThat(result.has("score")).isTrue();
    }

    @Test
    void anUnreachableMaxBytesIs422TargetUnreachable() {
        // when
        HttpResponse<byte[]> response = gateway.compress(TestGateway.KEY, png(320, 200).field("max_bytes", "10"));
        // then
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(code(response)).isEqualTo("TARGET_UNREACHABLE");
        assertThat(json(response).path("error").asText()).isEqualTo("Unprocessable Entity");
    }

    @Test
    void progressiveFalseAnswersABaselineJpeg() {
        // when
        HttpResponse<byte[]> response = gateway.compress(TestGateway.KEY, png(64, 48).field("progressive", "false")
                .field("subsampling", "444").field("strip", "false"));
        // then
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        String hex = HexFormat.of().formatHex(fetch(json(response)));
        assertThat(hex).contains("ffc0").doesNotContain("ffc2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "width|0", "width|16385", "width|-1", "width|1.5", "width|''", "width|0x10", "height|' 50'", "height|1e3",
        "fit|Inside", "fit|stretch", "enlarge|yes", "enlarge|TRUE", "progressive|1", "strip|no", "dedupe|True",
        "subsampling|422", "subsampling|4:2:0", "target|0", "target|1.5", "target|.9", "target|0.9e1", "target|-0.5",
        "target|1.01", "max_bytes|0", "max_bytes|-5", "max_bytes|10.5", "max_bytes|1234567890123"})
    void refusesABadOptionAsInvalidRequest(String field, String value) {
        // when
        HttpResponse<byte[]> response = gateway.compress(TestGateway.KEY, png(16, 16).field(field, value));
        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(code(response)).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void refusesARepeatedOptionAndAnOverlongOne() {
        assertThat(code(gateway.compress(TestGateway.KEY, png(16, 16).field("width", "10").field("width", "10"))))
                .isEqualTo("INVALID_REQUEST");
        assertThat(code(gateway.compress(TestGateway.KEY, png(16, 16).field("fit", "c".repeat(500)))))
                .isEqualTo("INVALID_REQUEST");
    }

    @Test
    void aBadQualityStaysInvalidQualityBesideOtherOptions() {
        HttpResponse<byte[]> response = gateway.compress(TestGateway.KEY, png(16, 16).field("width", "8").field("quality", "0"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(code(response)).isEqualTo("INVALID_QUALITY");
    }

    @Test
    void dedupeStoresTheSameRequestOnceUnderOneUrl() throws IOException {
        // given
        byte[] image = TestImages.gradientPng(90, 70);
        long before = jpegFiles();
        // when the same request is sent twice, then once with other options
        JsonNode first = json(gateway.compress(TestGateway.KEY, MultipartBody.create().file("image", "a.png", "image/png", image)
                .field("dedupe", "true").field("quality", "60")));
        JsonNode second = json(gateway.compress(TestGateway.KEY, MultipartBody.create().file("image", "b.png", "image/png", image)
                .field("quality", "60").field("dedupe", "true")));
        JsonNode other = json(gateway.compress(TestGateway.KEY, MultipartBody.create().file("image", "a.png", "image/png", image)
                .field("dedupe", "true").field("quality", "61")));
        // then
        assertThat(first.path("url").asText()).isNotEmpty().isEqualTo(second.path("url").asText());
        assertThat(URI.create(first.path("url").asText()).getPath()).matches("/storage/v1/object/public/images/[A-Za-z0-9_-]{43}\\.jpg");
        assertThat(other.path("url").asText()).isNotEqualTo(first.path("url").asText());
        assertThat(jpegFiles() - before).isEqualTo(2);
        assertThat(fetch(first)).hasSize(first.path("size").asInt());
    }

    private static long jpegFiles() throws IOException {
        try (Stream<Path> files = Files.walk(data)) {
            return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".jpg")).count();
        }
    }
}
