package com.storagecompressai.gateway.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The outcome of one request against a limit.
 *
 * @param resetSeconds seconds until the allowance is whole again
 * @param retryAfterSeconds when refused, seconds until a request may succeed; 0 when allowed
 */
public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {

    static Decision of(ConsumptionProbe probe, long limit) {
        long retryAfter = probe.isConsumed() ? 0 : Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill()));
        return new Decision(probe.isConsumed(), limit, Math.max(0, probe.getRemainingTokens()),
                ceilSeconds(probe.getNanosToWaitForReset()), retryAfter);
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }

    /** {@code RateLimit-*} headers (IETF draft), plus {@code Retry-After} when refused. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("RateLimit-Limit", Long.toString(limit));
        headers.put("RateLimit-Remaining", Long.toString(remaining));
        headers.put("RateLimit-Reset", Long.toString(resetSeconds));
        if (!allowed) {
            headers.put("Retry-After", Long.toString(retryAfterSeconds));
        }
        return headers;
    }
}
