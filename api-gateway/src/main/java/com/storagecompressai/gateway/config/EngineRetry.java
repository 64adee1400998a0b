package com.storagecompressai.gateway.config;

import java.time.Duration;

/**
 * How often one compression is tried on the remote engines before the client gets 503, all within
 * ENGINE_TIMEOUT_SECONDS.
 *
 * @param attempts tries in all, 1 = no retry (ENGINE_ATTEMPTS)
 * @param initialBackoff pause before the first retry; doubled for each further one, with jitter
 */
public record EngineRetry(int attempts, Duration initialBackoff) {

    public static final EngineRetry DEFAULT = new EngineRetry(3, Duration.ofMillis(50));

    public EngineRetry {
        if (attempts < 1 || attempts > 10) {
            throw new ConfigException("ENGINE_ATTEMPTS must be between 1 and 10, got " + attempts);
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new ConfigException("the engine retry backoff must be positive, got " + initialBackoff);
        }
    }
}
