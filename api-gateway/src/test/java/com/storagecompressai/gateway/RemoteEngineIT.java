package com.storagecompressai.gateway;

import static com.storagecompressai.gateway.Bodies.code;
import static com.storagecompressai.gateway.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.engine.config.EngineConfig;
import com.storagecompressai.engine.http.EngineServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway with ENGINE_URL pointing at a real compressor-engine service on 127.0.0.1. */
class RemoteEngineIT {

    @TempDir
    static Path data;

    static EngineServer engine;
    static TestGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        engine = EngineServer.start(EngineConfig.defaults().withPort(0).withMaxPixels(4_000_000), "127.0.0.1");
        gateway = TestGateway.start(data, Map.of("ENGINE_URL", engine.uri().toString()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void compressesThroughTheRemoteEngine() throws Exception {
        // when
        HttpResponse<byte[]> response = gateway.compress(TestGateway.KEY,
                MultipartBody.create().file("image", "a.png", "image/png", TestImages.gradientPng(120, 90)).field("quality", "60"));
        // then
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        assertThat(json(response).path("width").asInt()).isEqualTo(120);
        assertThat(json(response).path("height").asInt()).isEqualTo(90);
        URI url = URI.create(json(response).path("url").asText());
        HttpResponse<byte[]> fetched = gateway.send(HttpRequest.newBuilder(url).GET().build());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(fetched.body()));
        assertThat(image.getWidth()).isEqualTo(120);
        assertThat(image.getHeight()).isEqualTo(90);
    }

    @Test
    void passesTheEnginesRefusalsThrough() {
        HttpResponse<byte[]> bomb = gateway.compress(TestGateway.KEY,
                MultipartBody.create().file("image", "bomb.png", "image/png", TestImages.pngHeaderClaiming(100_000, 100_000)));
        HttpResponse<byte[]> pdf = gateway.compress(TestGateway.KEY,
                MultipartBody.create().file("image", "x.jpg", "image/jpeg", TestImages.pdf()));
        assertThat(bomb.statusCode()).isEqualTo(413);
        assertThat(code(bomb)).isEqualTo("IMAGE_TOO_LARGE");
        assertThat(pdf.statusCode()).isEqualTo(400);
        assertThat(code(pdf)).isEqualTo("UNSUPPORTED_FORMAT");
    }

    @Test
    void passesResizeAndTargetToTheEngineAndReadsQualityAndScoreBack() throws Exception {
        // when
        HttpResponse<byte[]> response = gateway.compress(TestGateway.KEY, MultipartBody.create()
                .file("image", "a.png", "image/png", TestImages.gradientPng(200, 100))
                .field("width", "80").field("height", "80").field("fit", "cover").field("target", "0.95")
                .field("progressive", "false").field("subsampling", "444"));
        // then
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        assertThat(json(response).path("width").asInt()).isEqualTo(80);
        assertThat(json(response).path("height").asInt()).isEqualTo(80);
        assertThat(json(response).path("quality").asInt()).isBetween(1, 100);
        assertThat(json(response).path("score").asDouble()).isGreaterThanOrEqualTo(0.95);
        assertThat(json(response).path("source").asText()).isEqualTo("encoded");
        URI url = URI.create(json(response).path("url").asText());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(gateway.send(HttpRequest.newBuilder(url).GET().build()).body()));
        assertThat(image.getWidth()).isEqualTo(80);
        assertThat(image.getHeight()).isEqualTo(80);
    }

    @Test
    void mapsTheEnginesTargetUnreachableTo422() {
        HttpResponse<byte[]> response = gateway.compress(TestGateway.KEY, MultipartBody.create()
                .file("image", "a.png", "image/png", TestImages.gradientPng(200, 100)).field("max_bytes", "10"));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(code(response)).isEqualTo("TARGET_UNREACHABLE");
    }

    @Test
    void isReadyWhenTheEngineAnswers() {
        HttpResponse<byte[]> ready = gateway.get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready).path("engine").asText()).isEqualTo("ready");
    }
}
