package com.storagecompressai.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CORS_ORIGINS: preflight and actual responses for allowed, other and absent origins. */
class CorsIT {

    private static final String ALLOWED = "https://app.example.com";

    @TempDir
    static Path data;

    static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start(data, Map.of("CORS_ORIGINS", ALLOWED + ", http://localhost:5173"));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    private static HttpResponse<byte[]> preflight(String origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri("/compress"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "x-api-key, content-type");
        if (origin != null) {
            request.header("Origin", origin);
        }
        return gateway.send(request.build());
    }

    private static HttpResponse<byte[]> post(String origin, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri("/compress"))
                .header("Content-Type", MultipartBody.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(MultipartBody.create()
                        .file("image", "a.png", "image/png", TestImages.gradientPng(16, 16)).bytes()));
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (key != null) {
            request.header("x-api-key", key);
        }
        return gateway.send(request.build());
    }

    @Test
    void answersAPreflightFromAnAllowedOrigin() {
        // when
        HttpResponse<byte[]> response = preflight(ALLOWED);
        // then
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValue("x-api-key, content-type, x-request-id");
        assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
        assertThat(response.headers().firstValue("Vary")).hasValue("Origin");
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void aPreflightFromAnotherOrNoOriginGetsNoAllowHeaders() {
        for (String origin : new String[] {"https://evil.example.com", "https://app.example.com.evil.com", "null", null}) {
            HttpResponse<byte[]> response = preflight(origin);
            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(response.headers().map().keySet()).as("origin %s", origin)
                    .noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
        }
    }

    @Test
    void anActualResponseToAnAllowedOriginCarriesAllowOriginVaryAndExposedHeaders() {
        for (String key : new String[] {TestGateway.KEY, "wrong-key"}) {
            // when
            HttpResponse<byte[]> response = post(ALLOWED, key);
            // then
            assertThat(response.statusCode()).isEqualTo(TestGateway.KEY.equals(key) ? 200 : 401);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
            assertThat(response.headers().firstValue("Vary")).hasValue("Origin");
            assertThat(response.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(exposed ->
                    assertThat(exposed).contains("X-Request-Id", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Retry-After"));
        }
    }

    @Test
    void anActualResponseToAnotherOriginCarriesNoCorsHeaders() {
        HttpResponse<byte[]> response = post("https://evil.example.com", TestGateway.KEY);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
    }

    @Test
    void withoutCorsOriginsNoResponseCarriesCorsHeaders(@TempDir Path other) throws Exception {
        try (TestGateway plain = TestGateway.start(other, Map.of())) {
            HttpResponse<byte[]> response = plain.send(HttpRequest.newBuilder(plain.uri("/compress"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", ALLOWED)
                    .header("Access-Control-Request-Method", "POST").build());
            HttpResponse<byte[]> health = plain.send(HttpRequest.newBuilder(plain.uri("/health")).header("Origin", ALLOWED).build());
            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(response.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
            assertThat(health.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
        }
    }
}
