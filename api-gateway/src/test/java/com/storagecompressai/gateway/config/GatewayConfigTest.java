package com.storagecompressai.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
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
        assertThat(config.engineUrls()).isEmpty();
        assertThat(config.engineRetry()).isEqualTo(EngineRetry.DEFAULT);
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
        assertThat(config.engineUrls()).singleElement().satisfies(uri -> assertThat(uri.getHost()).isEqualTo("engine"));
        assertThat(config.redisUrl()).isPresent();
        assertThat(config.rateLimitMax()).isEqualTo(5);
        assertThat(config.rateLimitWindow()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.port()).isEqualTo(8080);
    }

    @Test
    void readsSeveralCommaSeparatedEnginesInOrder() {
        // when
        GatewayConfig config = GatewayConfig.from(Map.of("API_KEY", "k",
                "ENGINE_URL", " http://10.0.0.5:8000, ,http://10.0.0.6:8000 ", "ENGINE_ATTEMPTS", "4"));
        // then
        assertThat(config.engineUrls()).extracting(URI::toString).containsExactly("http://10.0.0.5:8000", "http://10.0.0.6:8000");
        assertThat(config.engineRetry().attempts()).isEqualTo(4);
        assertThat(config.describe()).contains("engine=http://10.0.0.5:8000,http://10.0.0.6:8000").contains("engineAttempts=4");
    }

    @Test
    void rejectsAnEngineListWithABadOrRepeatedEntryNamingTheVariable() {
        assertThatThrownBy(() -> GatewayConfig.from(Map.of("API_KEY", "k", "ENGINE_URL", "http://a:8000,b:8000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ENGINE_URL").hasMessageContaining("b:8000");
        assertThatThrownBy(() -> GatewayConfig.from(Map.of("API_KEY", "k", "ENGINE_URL", "http://a:8000,http://a:8000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ENGINE_URL");
    }

    @Test
    void rejectsEngineAttemptsOutOfRange() {
        for (String attempts : new String[] {"0", "11", "three"}) {
            assertThatThrownBy(() -> GatewayConfig.from(Map.of("API_KEY", "k", "ENGINE_ATTEMPTS", attempts)))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("ENGINE_ATTEMPTS");
        }
    }

    @Test
    void appliesTheHardeningDefaults() {
        GatewayConfig config = GatewayConfig.from(Map.of("API_KEY", "k"));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.bodyDeadline()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.engineTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.engineBreaker()).isEqualTo(BreakerSettings.DEFAULT);
        assertThat(config.trustedProxies().isEmpty()).isTrue();
        assertThat(config.storageLimits().deadline()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.pixelBudget()).isGreaterThanOrEqualTo(16_000_000L);
    }

    @Test
    void readsTheHardeningVariables() {
        // when
        GatewayConfig config = GatewayConfig.from(Map.of("API_KEY", "k", "GATEWAY_READ_TIMEOUT_SECONDS", "5",
                "GATEWAY_BODY_DEADLINE_SECONDS", "50", "ENGINE_TIMEOUT_SECONDS", "7", "ENGINE_BREAKER_FAILURES", "3",
                "ENGINE_BREAKER_OPEN_SECONDS", "4", "TRUSTED_PROXIES", "10.0.0.0/8, 192.168.0.1", "STORAGE_DEADLINE_SECONDS", "9",
                "PIXEL_BUDGET", "1234567"));
        // then
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.bodyDeadline()).isEqualTo(Duration.ofSeconds(50));
        assertThat(config.engineTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(config.engineBreaker()).isEqualTo(new BreakerSettings(3, Duration.ofSeconds(4)));
        assertThat(config.trustedProxies().trusts("10.2.3.4")).isTrue();
        assertThat(config.trustedProxies().trusts("192.168.0.2")).isFalse();
        assertThat(config.storageLimits().deadline()).isEqualTo(Duration.ofSeconds(9));
        assertThat(config.storageLimits().attemptTimeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(config.pixelBudget()).isEqualTo(1_234_567L);
        assertThat(config.describe()).contains("trustedProxies=2").contains("readTimeout=5s");
    }

    @Test
    void rejectsATrustedProxyThatIsNotAnAddressNamingTheVariable() {
        assertThatThrownBy(() -> GatewayConfig.from(Map.of("API_KEY", "k", "TRUSTED_PROXIES", "10.0.0.1, lb.internal")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("TRUSTED_PROXIES").hasMessageContaining("lb.internal");
    }

    @Test
    void readsCorsOriginsAsExactOriginsAndNoneByDefault() {
        assertThat(GatewayConfig.from(Map.of("API_KEY", "k")).corsOrigins()).isEmpty();
        assertThat(GatewayConfig.from(Map.of("API_KEY", "k", "CORS_ORIGINS", " https://app.example.com, ,http://localhost:5173 "))
                .corsOrigins()).containsExactly("https://app.example.com", "http://localhost:5173");
    }

    @Test
    void refusesACorsOriginWithAPathOrAWildcard() {
        for (String origins : new String[] {"*", "https://app.example.com/", "app.example.com", "https://*.example.com"}) {
            assertThatThrownBy(() -> GatewayConfig.from(Map.of("API_KEY", "k", "CORS_ORIGINS", origins)))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("CORS_ORIGINS");
        }
    }
}
