package com.storagecompressai.gateway;

import static com.storagecompressai.gateway.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.gateway.storage.ObjectRoute;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing a client sends becomes a file path or a URL (issue 4, security): object names are chosen by the
 * gateway, the answered url comes from PUBLIC_BASE_URL alone, and no spelling of a traversal serves a file from
 * outside the bucket folder. A secret file sits next to the bucket and above the storage folder to be reached for.
 */
class NoPathFromClientInputIT {

    private static final String SECRET = "top-secret-outside-the-bucket";
    private static final String OBJECT_NAME = "[A-Za-z0-9_-]{22}\\.jpg";

    @TempDir
    static Path root;

    private static Path data;
    private static TestGateway gateway;

    @BeforeAll
    static void start() throws IOException {
        data = Files.createDirectories(root.resolve("data"));
        Files.writeString(root.resolve("secret.txt"), SECRET);
        Files.writeString(data.resolve("secret.txt"), SECRET);
        gateway = TestGateway.start(data, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    private static MultipartBody upload(String fileName) {
        return MultipartBody.create().file("image", fileName, "image/png", TestImages.gradientPng(8, 8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../secret.png", "..\\..\\secret.png", "/etc/passwd", "%2e%2e%2f%2e%2e%2fsecret.png",
            "http://169.254.169.254/latest/meta-data/", "file:///etc/passwd", "images/../../../outside.png"})
    void aHostileFileNameNamesNeitherTheStoredFileNorTheUrl(String fileName) throws IOException {
        // when
        HttpResponse<byte[]> response = gateway.compress(TestGateway.KEY, upload(fileName));

        // then: stored under a name of the gateway's choosing, in the bucket folder, and nowhere else
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        String url = json(response).path("url").asText();
        assertThat(url).matches("http://127\\.0\\.0\\.1:" + gateway.server().port() + ObjectRoute.PREFIX + "images/" + OBJECT_NAME);
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).allSatisfy(file -> assertThat(file).satisfiesAnyOf(
                    f -> assertThat(f.getFileName().toString()).isEqualTo("secret.txt"),
                    f -> assertThat(f.getParent()).isEqualTo(data.resolve("images")),
                    f -> assertThat(f.getFileName().toString()).matches(OBJECT_NAME)));
        }
    }

    @Test
    void theUrlComesFromTheConfigurationNeverFromHostOrForwardedHeaders() throws IOException {
        byte[] body = upload("a.png").bytes();
        try (RawHttp raw = new RawHttp(gateway.server().port(), 20_000)) {
            // given a request that names another host every way HTTP allows
            raw.send("POST /compress HTTP/1.1\r\nHost: evil.example:666\r\nX-Forwarded-Host: evil.example\r\n"
                    + "X-Forwarded-Proto: gopher\r\nForwarded: host=evil.example;proto=gopher\r\nx-api-key: " + TestGateway.KEY
                    + "\r\nContent-Type: " + MultipartBody.contentType() + "\r\nContent-Length: " + body.length + "\r\n\r\n");
            raw.send(body);

            // when
            RawHttp.Response response = raw.response().orElseThrow();

            // then
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("\"url\":\"http://127.0.0.1:" + gateway.server().port() + ObjectRoute.PREFIX)
                    .doesNotContain("evil").doesNotContain("gopher");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"images/../secret.txt", "images/../../secret.txt", "images/..%2Fsecret.txt",
            "images/%2e%2e%2fsecret.txt", "images/%2e%2e/secret.txt", "images/..%5csecret.txt", "images/..%255csecret.txt",
            "images/%252e%252e%252fsecret.txt", "%2e%2e/secret.txt", "images/%2e%2e%2f%2e%2e%2fsecret.txt",
            "images/secret.txt%00.jpg", "images//secret.txt", "images/./../secret.txt", "images/%c0%ae%c0%ae/secret.txt"})
    void noSpellingOfATraversalServesAFileFromOutsideTheBucket(String rest) throws IOException {
        try (RawHttp raw = new RawHttp(gateway.server().port(), 20_000)) {
            // when
            raw.send("GET " + ObjectRoute.PREFIX + rest + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            RawHttp.Response response = raw.response().orElseThrow();

            // then: refused in JSON, never the secret
            assertThat(response.status()).as(rest).isIn(400, 404);
            assertThat(response.body()).as(rest).doesNotContain(SECRET).containsAnyOf("\"code\":\"NOT_FOUND\"",
                    "\"code\":\"INVALID_REQUEST\"");
        }
    }

    @Test
    void aHostileFileNameNeverReachesTheRequestsSentToTheStore(@TempDir Path other) throws Exception {
        try (FakeSupabase supabase = new FakeSupabase(); TestGateway toSupabase = TestGateway.start(other, Map.of(
                "STORAGE_BACKEND", "supabase", "SUPABASE_URL", supabase.url(), "SUPABASE_KEY", "sb_secret_test",
                "SUPABASE_BUCKET", "images"))) {
            // when
            HttpResponse<byte[]> response = toSupabase.compress(TestGateway.KEY,
                    upload("../../../admin?redirect=http://169.254.169.254/"));

            // then the store was asked to keep one object, under a name the gateway chose
            assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
            List<String> stored = List.copyOf(supabase.objects.keySet());
            assertThat(stored).hasSize(1);
            assertThat(stored.getFirst()).matches("images/" + OBJECT_NAME);
            assertThat(json(response).path("url").asText()).endsWith(stored.getFirst()).doesNotContain("admin")
                    .doesNotContain("169.254");
        }
    }
}
