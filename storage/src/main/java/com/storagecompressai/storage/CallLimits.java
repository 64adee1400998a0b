package com.storagecompressai.storage;

import java.time.Duration;

/**
 * How long and how often a remote store is tried for one operation.
 *
 * @param connectTimeout  to open one connection
 * @param attemptTimeout  for one request, from sending to the whole answer
 * @param deadline        for the whole operation, retries and backoff included
 * @param maxAttempts     tries in all (1 = no retry)
 * @param initialBackoff  pause before the first retry; doubled each time, with full jitter
 * @param readinessTimeout for one readiness probe (never retried)
 */
public record CallLimits(Duration connectTimeout, Duration attemptTimeout, Duration deadline, int maxAttempts,
                         Duration initialBackoff, Duration readinessTimeout) {

    /** Generous enough for a 25 MiB upload on a slow link, short enough that a client still gets an answer. */
    public static final CallLimits DEFAULT = new CallLimits(Duration.ofSeconds(3), Duration.ofSeconds(20),
            Duration.ofSeconds(30), 3, Duration.ofMillis(200), Duration.ofSeconds(2));

    public CallLimits {
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("attemptTimeout", attemptTimeout);
        requirePositive("deadline", deadline);
        requirePositive("initialBackoff", initialBackoff);
        requirePositive("readinessTimeout", readinessTimeout);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
    }

    private static void requirePositive(String what, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, not " + value);
        }
    }
}
