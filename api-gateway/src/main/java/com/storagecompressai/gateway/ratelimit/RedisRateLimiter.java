package com.storagecompressai.gateway.ratelimit;

import com.storagecompressai.gateway.auth.ClientId;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limits shared by every gateway that points at the same Redis, through bucket4j's Lettuce proxy manager.
 * Connects on first use, so the gateway starts without Redis; requests that arrive while the first connect is
 * under way wait for it. While Redis is unreachable, the limits fall back to this process's memory (each replica
 * then limits on its own) and the connection is retried.
 */
public final class RedisRateLimiter implements RateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiter.class);
    private static final String KEY_PREFIX = "storagecompressai:ratelimit:";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);
    /** A connect gives up after TIMEOUT; a little more lets a waiting request see how it ended. */
    private static final Duration CONNECT_WAIT = TIMEOUT.plusMillis(500);

    private final Limit limit;
    private final BucketConfiguration configuration;
    private final RedisClient client;
    private final LocalRateLimiter fallback;
    private final InstantSource clock = InstantSource.system();
    private final ReentrantLock connecting = new ReentrantLock();
    private volatile ProxyManager<String> buckets;
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile long nextAttemptMillis;

    public RedisRateLimiter(Limit limit, URI redisUrl) {
        this.limit = limit;
        this.configuration = limit.bucketConfiguration();
        RedisURI uri = RedisURI.create(redisUrl);
        uri.setTimeout(TIMEOUT);
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build())
                .build());
        this.fallback = new LocalRateLimiter(limit);
    }

    @Override
    public Decision tryConsume(ClientId clientId) {
        ProxyManager<String> shared = connected();
        if (shared == null) {
            return fallback.tryConsume(clientId);
        }
        try {
            var probe = shared.getProxy(KEY_PREFIX + clientId.value(), () -> configuration).tryConsumeAndReturnRemaining(1);
            return Decision.of(probe, limit.max());
        } catch (RuntimeException e) {
            LOG.warn("Redis rate limit failed ({}); limiting in memory until it answers again", e.toString());
            nextAttemptMillis = clock.millis() + RETRY_AFTER_FAILURE.toMillis();
            return fallback.tryConsume(clientId);
        }
    }

    /** True when the shared state answers (or was never tried yet). */
    public boolean isReady() {
        return connected() != null;
    }

    private ProxyManager<String> connected() {
        ProxyManager<String> current = buckets;
        if (current != null && connection.isOpen()) {
            return current;
        }
        if (clock.millis() < nextAttemptMillis || !awaitConnecting()) {
            return null;
        }
        try {
            if (clock.millis() < nextAttemptMillis) {
                // The connect this request waited for failed: no need to try again at once.
                return null;
            }
            if (buckets == null) {
                connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                buckets = Bucket4jLettuce.casBasedBuilder(connection)
                        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                        .build();
                LOG.info("rate limits shared through Redis");
            }
            return connection.isOpen() ? buckets : null;
        } catch (RuntimeException e) {
            LOG.warn("Redis unreachable ({}); limiting in memory until it answers", e.toString());
            nextAttemptMillis = clock.millis() + RETRY_AFTER_FAILURE.toMillis();
            return null;
        } finally {
            connecting.unlock();
        }
    }

    /**
     * Waits for a connect another request has begun, instead of counting this request in memory meanwhile: on a cold
     * gateway, requests that arrive together would otherwise each pass the local limit (system-tests ClusterIT saw
     * 13 of 30 pass a shared limit of 10 on three cold gateways).
     */
    private boolean awaitConnecting() {
        try {
            return connecting.tryLock(CONNECT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, byte[]> open = connection;
        if (open != null) {
            open.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
