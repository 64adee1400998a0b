package com.storagecompressai.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {

    @Test
    void appliesTheDocumentedDefaults() {
        // when
        GatewayConfig config = GatewayConfig.from(Map.of("API_KEY", "secret"));
        // then
        assertThat(config.port()).isEqualTo(3000);
        assertThat(config.engineUrl()).isEmpty();
        assertThat(config.rateLimitMax()).isEqualTo(100);
        assertThat(config.rateLimitWindow()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.redisUrl()).isEmpty();
        assertThat(config.maxUploadBytes()).isEqualTo(26_214_400L);
        assertThat(config.maxPixels()).isEqualTo(100_000_000L);
        assertThat(config.storage().backend().kind()).isEqualTo("local");
    }

    @Test
    void refusesToStartWithoutAKeyAndSaysHowToSetOne() {
        assertThatThrownBy(() -> GatewayConfig.from(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("API_KEY=")
                .hasMessageContaining("API_KEYS=")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void acceptsKeysFromBothVariablesWithoutBlanksOrDuplicates() {
        // when
        GatewayConfig config = GatewayConfig.from(Map.of("API_KEY", "one", "API_KEYS", " two, ,one,three "));
        // then
        assertThat(config.apiKeys()).containsExactly("one", "two", "three");
    }

    @Test
    void describeShowsKeysOnlyAsACount() {
        // given
        GatewayConfig config = GatewayConfig.from(Map.of("API_KEYS", "very-secret-1,very-secret-2",
                "REDIS_URL", "redis://user:hunter2@cache:6380"));
        // when
        String description = config.describe();
        // then
        assertThat(description).contains("apiKeys=2").contains("redis://cache:6380")
                .doesNotContain("very-secret").doesNotContain("hunter2");
        assertThat(config.toString()).doesNotContain("very-secret");
    }

    @Test
    void rejectsANonNumericLimitNamingTheVariable() {
        assertThatThrownBy(() -> GatewayConfig.from(Map.of("API_KEY", "k", "RATE_LIMIT_MAX", "ten")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("RATE_LIMIT_MAX");
    }

    @Test
    void rejectsAnEngineUrlThatIsNotHttp() {
        assertThatThrownBy(() -> GatewayConfig.from(Map.of("API_KEY", "k", "ENGINE_URL", "engine:8000")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ENGINE_URL");
    }

    @Test
    void readsARemoteEngineAndRedis() {
        // when
        GatewayConfig config = GatewayConfig.from(Map.of("API_KEY", "k", "ENGINE_URL", "http://engine:8000",
                "REDIS_URL", "redis://cache:6379", "RATE_LIMIT_MAX", "5", "RATE_LIMIT_WINDOW", "10", "PORT", "8080"));
        // then
        assertThat(config.engineUrl()).hasValueSatisfying(uri -> assertThat(uri.getHost()).isEqualTo("engine"));
        assertThat(config.redisUrl()).isPresent();
        assertThat(config.rateLimitMax()).isEqualTo(5);
        assertThat(config.rateLimitWindow()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.port()).isEqualTo(8080);
    }
}
