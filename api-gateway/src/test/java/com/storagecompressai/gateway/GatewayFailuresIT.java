package com.storagecompressai.gateway;

import static com.storagecompressai.gateway.Bodies.code;
import static com.storagecompressai.gateway.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gateways configured to fail in one way each: tiny limits, broken storage, an engine that is not there. */
class GatewayFailuresIT {

    @TempDir
    Path data;

    private static MultipartBody png(int size) {
        return MultipartBody.create().file("image", "a.png", "image/png", TestImages.gradientPng(size, size));
    }

    @Test
    void refusesABodyOverMaxUploadBytesFromContentLengthAndWhileStreaming() throws Exception {
        try (TestGateway gateway = TestGateway.start(data, Map.of("MAX_UPLOAD_BYTES", "1000"))) {
            // given a body of about 5 KB
            byte[] body = MultipartBody.create().file("image", "a.bin", "image/png", new byte[5000]).bytes();
            // when sent with a Content-Length
            HttpResponse<byte[]> declared = gateway.compress(TestGateway.KEY, MultipartBody.contentType(), body);
            // and when sent chunked, so only counting while reading can catch it
            HttpResponse<byte[]> streamed = gateway.send(HttpRequest.newBuilder(gateway.uri("/compress"))
                    .header("x-api-key", TestGateway.KEY)
                    .header("Content-Type", MultipartBody.contentType())
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                    .build());
            // then
            assertThat(declared.statusCode()).isEqualTo(413);
            assertThat(code(declared)).isEqualTo("PAYLOAD_TOO_LARGE");
            assertThat(streamed.statusCode()).isEqualTo(413);
            assertThat(code(streamed)).isEqualTo("PAYLOAD_TOO_LARGE");
        }
    }

    @Test
    void answersTooManyRequestsWithRetryAfterAndRateLimitHeaders() throws Exception {
        try (TestGateway gateway = TestGateway.start(data, Map.of("RATE_LIMIT_MAX", "2", "RATE_LIMIT_WINDOW", "600"))) {
            // given the key's allowance is used up (a bad request still counts)
            HttpResponse<byte[]> first = gateway.compress(TestGateway.KEY, png(8));
            HttpResponse<byte[]> second = gateway.compress(TestGateway.KEY, "text/plain", "x".getBytes());
            // when
            HttpResponse<byte[]> third = gateway.compress(TestGateway.KEY, png(8));
            HttpResponse<byte[]> otherKey = gateway.compress(TestGateway.OTHER_KEY, png(8));
            // then
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("RateLimit-Remaining")).hasValue("1");
            assertThat(second.statusCode()).isEqualTo(400);
            assertThat(second.headers().firstValue("RateLimit-Remaining")).hasValue("0");
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(code(third)).isEqualTo("RATE_LIMITED");
            assertThat(json(third).path("error").asText()).isEqualTo("Too Many Requests");
            assertThat(third.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(s -> assertThat(s).isBetween(1L, 600L));
            assertThat(third.headers().firstValue("RateLimit-Limit")).hasValue("2");
            assertThat(third.headers().firstValue("RateLimit-Remaining")).hasValue("0");
            assertThat(third.headers().firstValue("RateLimit-Reset")).isPresent();
            assertThat(otherKey.statusCode()).isEqualTo(200);
            assertThat(scrape(gateway)).containsPattern("gateway_rate_limited_total\\{reason=\"key\"\\} 1\\.0");
        }
    }

    @Test
    void limitsFailedAuthenticationsPerClientAddress() throws Exception {
        try (TestGateway gateway = TestGateway.start(data, Map.of("RATE_LIMIT_MAX", "3", "RATE_LIMIT_WINDOW", "600"))) {
            for (int i = 0; i < 3; i++) {
                assertThat(gateway.compress("guess-" + i, png(8)).statusCode()).isEqualTo(401);
            }
            HttpResponse<byte[]> fourth = gateway.compress("guess-4", png(8));
            assertThat(fourth.statusCode()).isEqualTo(429);
            assertThat(fourth.headers().firstValue("Retry-After")).isPresent();
            // a valid key is still served
            assertThat(gateway.compress(TestGateway.KEY, png(8)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void answersUploadFailedWhenTheStoreCannotWriteAndReportsNotReady() throws Exception {
        // given a storage "folder" that is a regular file, so nothing can be created under it
        Path notAFolder = Files.writeString(data.resolve("not-a-folder"), "x");
        try (TestGateway gateway = TestGateway.start(data, Map.of("LOCAL_STORAGE_DIR", notAFolder.toString()))) {
            // when
            HttpResponse<byte[]> response = gateway.compress(TestGateway.KEY, png(16));
            HttpResponse<byte[]> ready = gateway.get("/health/ready");
            // then
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(code(response)).isEqualTo("UPLOAD_FAILED");
            assertThat(new String(response.body())).doesNotContain("not-a-folder");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(json(ready).path("storage").asText()).isEqualTo("not ready");
            assertThat(gateway.get("/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void answersEngineUnavailableWithRetryAfterWhenTheEngineIsNotListening() throws Exception {
        int closedPort = TestGateway.freePort();
        try (TestGateway gateway = TestGateway.start(data, Map.of("ENGINE_URL", "http://127.0.0.1:" + closedPort))) {
            // when
            HttpResponse<byte[]> response = gateway.compress(TestGateway.KEY, png(16));
            HttpResponse<byte[]> ready = gateway.get("/health/ready");
            // then
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(code(response)).isEqualTo("ENGINE_UNAVAILABLE");
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(json(ready).path("engine").asText()).isEqualTo("not ready");
        }
    }

    @Test
    void startsWithoutRedisAndStillLimits() throws Exception {
        int closedPort = TestGateway.freePort();
        try (TestGateway gateway = TestGateway.start(data, Map.of("REDIS_URL", "redis://127.0.0.1:" + closedPort,
                "RATE_LIMIT_MAX", "1", "RATE_LIMIT_WINDOW", "600"))) {
            assertThat(gateway.compress(TestGateway.KEY, png(8)).statusCode()).isEqualTo(200);
            assertThat(gateway.compress(TestGateway.KEY, png(8)).statusCode()).isEqualTo(429);
        }
    }

    private static String scrape(TestGateway gateway) throws IOException {
        return new String(gateway.get("/metrics").body());
    }
}
