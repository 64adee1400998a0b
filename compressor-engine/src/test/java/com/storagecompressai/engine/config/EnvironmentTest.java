package com.storagecompressai.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentTest {

    @Test
    void parsesCommentsExportsAndQuotes() {
        Map<String, String> values = Environment.parse(List.of(
                "# a comment", "", "API_KEY=abc", "export PORT=3001", "QUOTED=\"a b\"", "TRAILING=x # note", "broken"));

        assertThat(values).containsOnly(
                Map.entry("API_KEY", "abc"), Map.entry("PORT", "3001"),
                Map.entry("QUOTED", "a b"), Map.entry("TRAILING", "x"));
    }

    @Test
    void processEnvironmentWinsOverDotEnv(@TempDir Path dir) throws IOException {
        Path dotEnv = Files.writeString(dir.resolve(".env"), "PORT=1\nRATE_LIMIT_MAX=5\n");

        Map<String, String> merged = Environment.merge(Map.of("PORT", "2"), dotEnv);

        assertThat(merged).containsEntry("PORT", "2").containsEntry("RATE_LIMIT_MAX", "5");
    }

    @Test
    void emptyValuesCountAsUnset(@TempDir Path dir) throws IOException {
        Path dotEnv = Files.writeString(dir.resolve(".env"), "ENGINE_URL=\nPORT=3000\n");

        Map<String, String> merged = Environment.merge(Map.of("REDIS_URL", " "), dotEnv);

        assertThat(merged).containsOnly(Map.entry("PORT", "3000"));
    }

    @Test
    void missingDotEnvIsNotAnError(@TempDir Path dir) {
        assertThat(Environment.merge(Map.of("A", "b"), dir.resolve(".env"))).containsOnly(Map.entry("A", "b"));
    }
}
