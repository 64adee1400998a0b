package com.storagecompressai.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real entry point, in its own JVM. */
class MainIT {

    @TempDir
    Path workDir;

    @Test
    void refusesToStartWithoutAKeyWithOneLineAndExitCodeTwo() throws Exception {
        // given an environment without API_KEY and a folder without .env
        String javaBinary = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(javaBinary, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()).directory(workDir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("API_KEY"));
        // when
        Process process = builder.start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        // then
        assertThat(exited).isTrue();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(2);
        List<String> lines = stderr.lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).contains("API_KEY is not set").contains("API_KEY=").doesNotContain("Exception");
        assertThat(stdout).isEmpty();
    }

    @Test
    void startsFromTheEnvironmentLogsConfigWithoutSecretsAndStopsOnSigterm() throws Exception {
        // given
        int port = TestGateway.freePort();
        String javaBinary = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(javaBinary, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().put("API_KEY", "super-secret-key");
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("LOCAL_STORAGE_DIR", workDir.resolve("data").toString());
        Process process = builder.start();
        try {
            BufferedReader output = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder log = new StringBuilder();
            for (String line = output.readLine(); line != null && !line.contains("listening on port"); line = output.readLine()) {
                log.append(line).append('\n');
            }
            // when
            HttpResponse<String> health;
            try (HttpClient client = HttpClient.newHttpClient()) {
                health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
            }
            process.destroy();
            // then
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(log.toString()).contains("apiKeys=1").contains("engine=in-process").contains("storage=local")
                    .doesNotContain("super-secret-key");
        } finally {
            process.destroyForcibly();
        }
    }
}
