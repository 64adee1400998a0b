package com.storagecompressai.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET / serves the try-it page: HTML with the upload form, its script and style, and never an API key. */
class PageIT {

    @TempDir
    static Path data;

    static TestGateway gateway;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start(data, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void servesAnHtmlPageWithTheUploadForm() {
        // when
        HttpResponse<byte[]> page = gateway.get("/");
        // then
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'").doesNotContain("unsafe-inline"));
        assertThat(text(page)).startsWith("<!doctype html>")
                .contains("<form id=\"compress-form\"", "type=\"file\"", "name=\"image\"", "name=\"quality\"",
                        "name=\"target\"", "id=\"api-key\"", "type=\"range\"", "src=\"/app.js\"", "href=\"/app.css\"");
    }

    @Test
    void theScriptPostsToCompressWithTheTypedKeyAndTheStyleIsCss() {
        HttpResponse<byte[]> script = gateway.get("/app.js");
        HttpResponse<byte[]> style = gateway.get("/app.css");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(text(script)).contains("fetch('/compress'", "'x-api-key': key", "URL.createObjectURL");
        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(style.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
    }

    @Test
    void noServedFileContainsAConfiguredKeyOrStoresOne() {
        for (String path : new String[] {"/", "/app.js", "/app.css"}) {
            String body = text(gateway.get(path));
            assertThat(body).as(path).doesNotContain(TestGateway.KEY).doesNotContain(TestGateway.OTHER_KEY)
                    .doesNotContain("localStorage").doesNotContain("sessionStorage").doesNotContain("document.cookie");
        }
    }
}
