package com.storagecompressai.gateway.config;

import java.time.Duration;

/**
 * The remote engine's circuit breaker.
 *
 * @param failures consecutive unavailable answers or timeouts that open it (ENGINE_BREAKER_FAILURES)
 * @param openFor how long it stays open before one probe is let through (ENGINE_BREAKER_OPEN_SECONDS)
 */
public record BreakerSettings(int failures, Duration openFor) {

    public static final BreakerSettings DEFAULT = new BreakerSettings(5, Duration.ofSeconds(10));

    public BreakerSettings {
        if (failures < 1 || openFor.isNegative() || openFor.isZero()) {
            throw new ConfigException("the engine circuit breaker needs at least one failure and a positive open time");
        }
    }
}
