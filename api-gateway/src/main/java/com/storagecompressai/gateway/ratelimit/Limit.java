package com.storagecompressai.gateway.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;

/** {@code max} requests per {@code window}, refilled whole at the end of each window. */
public record Limit(int max, Duration window) {

    public Limit {
        if (max < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("a limit needs max >= 1 and a positive window, got " + max + "/" + window);
        }
    }

    BucketConfiguration bucketConfiguration() {
        // Interval refill keeps "at most max per window" exact, which greedy refill would blur.
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(max).refillIntervally(max, window).build())
                .build();
    }
}
