package com.storagecompressai.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.engine.TestPhotos;
import com.storagecompressai.engine.config.EngineConfig;
import com.storagecompressai.engine.metadata.JpegSegments;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The resize, target and output query parameters of POST /compress, over HTTP on 127.0.0.1. */
class CompressOptionsIT {

    private static EngineServer engine;
    private static HttpClient client;
    private static byte[] photo;

    @BeforeAll
    static void start() throws Exception {
        engine = EngineServer.start(EngineConfig.defaults().withPort(0).withMaxUploadBytes(4_000_000), "127.0.0.1");
        client = HttpClient.newHttpClient();
        photo = TestPhotos.png(TestPhotos.photoLike(320, 240));
    }

    @AfterAll
    static void stop() {
        engine.close();
        client.close();
    }

    @Test
    void withoutOptionsAnswersAsBeforePlusQualityAndSource() throws Exception {
        HttpResponse<byte[]> response = post("/compress?quality=70", photo);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Quality")).contains("70");
        assertThat(response.headers().firstValue("X-Score")).isEmpty();
        assertThat(response.headers().firstValue("X-Source")).contains("encoded");
        assertThat(response.headers().firstValue("X-Image-Width")).contains("320");
    }

    @Test
    void resizesWithTheGivenFit() throws Exception {
        HttpResponse<byte[]> response = post("/compress?width=100&height=100&fit=contain", photo);

        assertThat(response.statusCode()).isEqualTo(200);
        BufferedImage jpeg = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertThat(jpeg.getWidth()).isEqualTo(100);
        assertThat(jpeg.getHeight()).isEqualTo(100);
        assertThat(jpeg.getRGB(50, 2) & 0xFFFFFF).isGreaterThan(0xF0F0F0); // white padding above the image
        assertThat(response.headers().firstValue("X-Image-Height")).contains("100");
    }

    @Test
    void targetAnswersTheChosenQualityAndTheMeasuredScore() throws Exception {
        HttpResponse<byte[]> response = post("/compress?target=0.95&quality=5", photo);

        assertThat(response.statusCode()).isEqualTo(200);
        int quality = Integer.parseInt(response.headers().firstValue("X-Quality").orElseThrow());
        double score = Double.parseDouble(response.headers().firstValue("X-Score").orElseThrow());
        assertThat(quality).isBetween(1, 100).isNotEqualTo(5);
        assertThat(score).isGreaterThanOrEqualTo(0.95).isLessThanOrEqualTo(1.0);
    }

    @Test
    void maxBytesKeepsTheAnswerUnderTheSize() throws Exception {
        HttpResponse<byte[]> response = post("/compress?max_bytes=15000&progressive=false&subsampling=444", photo);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().length).isLessThanOrEqualTo(15_000);
        assertThat(response.headers().firstValue("X-Score")).isPresent();
    }

    @Test
    void anUnreachableSizeIs422TargetUnreachable() throws Exception {
        HttpResponse<byte[]> response = post("/compress?max_bytes=100", TestPhotos.png(TestPhotos.noise(512, 512)));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"code\":\"TARGET_UNREACHABLE\"");
    }

    @Test
    void keepsExifWithoutGpsWhenStripIsFalse() throws Exception {
        byte[] upload = TestPhotos.withExif(TestPhotos.jpeg(TestPhotos.photoLike(160, 120)), 1);

        HttpResponse<byte[]> response = post("/compress?strip=false&quality=40", upload);

        assertThat(response.statusCode()).isEqualTo(200);
        byte[] tiff = JpegSegments.parse(response.body()).orElseThrow().exif().orElseThrow();
        String text = new String(tiff, StandardCharsets.ISO_8859_1);
        assertThat(text).contains(TestPhotos.COPYRIGHT).doesNotContain("SECRET!!");
    }

    @Test
    void servesTheUploadWhenAReencodeWouldBeLarger() throws Exception {
        byte[] upload = TestPhotos.jpeg(TestPhotos.photoLike(160, 120));

        HttpResponse<byte[]> response = post("/compress?quality=100", upload);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Source")).contains("original");
        assertThat(response.body().length).isLessThanOrEqualTo(upload.length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"width=0", "height=16385", "fit=stretch", "enlarge=yes", "target=2", "max_bytes=-1",
            "progressive=1", "subsampling=422", "strip=no", "width=1&width=2"})
    void refusesBadOptionsAs400InvalidRequest(String query) throws Exception {
        // a small body: the answer comes before the body is read, and Jetty may close the connection
        HttpResponse<byte[]> response = post("/compress?" + query, TestPhotos.png(TestPhotos.photoLike(8, 8)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"code\":\"INVALID_REQUEST\"");
    }

    private static HttpResponse<byte[]> post(String pathAndQuery, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(engine.uri() + pathAndQuery))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/octet-stream")
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
