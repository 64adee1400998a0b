package com.storagecompressai.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngineConfigTest {

    @Test
    void usesContractDefaultsForAnEmptyEnvironment() {
        EngineConfig config = EngineConfig.from(Map.of());

        assertThat(config.port()).isEqualTo(8000);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.maxPixels()).isEqualTo(100_000_000L);
        assertThat(config.maxUploadBytes()).isEqualTo(26_214_400L);
        assertThat(config.workers()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(config.queueCapacity()).isEqualTo(8 * config.workers());
    }

    @Test
    void readsEveryVariable() {
        EngineConfig config = EngineConfig.from(Map.of("ENGINE_PORT", "9000", "ENGINE_HOST", "127.0.0.1",
                "MAX_PIXELS", "5000000000", "MAX_UPLOAD_BYTES", "1024", "ENGINE_WORKERS", "3",
                "ENGINE_QUEUE_CAPACITY", "0", "ENGINE_STOP_TIMEOUT_SECONDS", "5", "ENGINE_READ_TIMEOUT_SECONDS", "7"));

        assertThat(config).isEqualTo(new EngineConfig("127.0.0.1", 9000, 5_000_000_000L, 1024, 3, 0,
                Duration.ofSeconds(5), Duration.ofSeconds(7)));
    }

    @Test
    void readTimeoutDefaultsToThirtySeconds() {
        assertThat(EngineConfig.from(Map.of()).readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(new EngineConfig("127.0.0.1", 0, 1, 1, 1, 0, Duration.ZERO).readTimeout())
                .isEqualTo(Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ENGINE_PORT|abc|ENGINE_PORT must be a whole number",
        "ENGINE_PORT|70000|ENGINE_PORT must be from 0 to 65535",
        "ENGINE_PORT|-1|ENGINE_PORT must be a whole number",
        "MAX_PIXELS|0|MAX_PIXELS must be at least 1",
        "MAX_PIXELS|1e8|MAX_PIXELS must be a whole number",
        "MAX_UPLOAD_BYTES|25MB|MAX_UPLOAD_BYTES must be a whole number",
        "MAX_UPLOAD_BYTES|0|MAX_UPLOAD_BYTES must be from 1",
        "ENGINE_WORKERS|0|ENGINE_WORKERS must be from 1 to 1024",
        "ENGINE_READ_TIMEOUT_SECONDS|0|ENGINE_READ_TIMEOUT_SECONDS must be from 1 to 3600",
        "ENGINE_READ_TIMEOUT_SECONDS|30s|ENGINE_READ_TIMEOUT_SECONDS must be a whole number",
    })
    void refusesBadValuesNamingTheVariable(String name, String value, String message) {
        assertThatThrownBy(() -> EngineConfig.from(Map.of(name, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
