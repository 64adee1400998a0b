package com.storagecompressai.gateway.ratelimit;

import com.storagecompressai.gateway.auth.ClientId;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Limits kept in this process's memory: the default with one gateway. */
public final class LocalRateLimiter implements RateLimiter {

    /** Above this many clients, buckets that are full again (hold no state worth keeping) are dropped. */
    private static final int SWEEP_ABOVE = 100_000;

    private final Limit limit;
    private final BucketConfiguration configuration;
    private final TimeMeter clock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public LocalRateLimiter(Limit limit) {
        this(limit, TimeMeter.SYSTEM_MILLISECONDS);
    }

    /** @param clock the time source; tests pass a mock so refills need no sleeping */
    public LocalRateLimiter(Limit limit, TimeMeter clock) {
        this.limit = limit;
        this.configuration = limit.bucketConfiguration();
        this.clock = clock;
    }

    @Override
    public Decision tryConsume(ClientId client) {
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= limit.max());
        }
        Bucket bucket = buckets.computeIfAbsent(client.value(),
                ignored -> Bucket.builder().withCustomTimePrecision(clock).addLimit(configuration.getBandwidths()[0]).build());
        return Decision.of(bucket.tryConsumeAndReturnRemaining(1), limit.max());
    }
}
