package com.storagecompressai.gateway.engine;

import com.storagecompressai.engine.api.CompressOptions;
import com.storagecompressai.engine.api.Compressed;
import com.storagecompressai.engine.api.CompressionException;
import com.storagecompressai.engine.api.Compressor;
import com.storagecompressai.engine.api.ErrorCode;
import com.storagecompressai.gateway.config.BreakerSettings;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.util.concurrent.TimeUnit;

/**
 * A circuit breaker in front of a remote engine: after {@link BreakerSettings#failures()} consecutive
 * ENGINE_UNAVAILABLE answers (unreachable, 502–504, deadline passed) it opens and every call fails at once with
 * ENGINE_UNAVAILABLE, so a dead engine does not hold request threads; after {@link BreakerSettings#openFor()}
 * one probe call is let through and its outcome closes or reopens it. Other engine answers (a bad image, 500)
 * prove the engine alive and count as successes. Thread-safe.
 */
public final class GuardedCompressor implements Compressor {

    private final Compressor engine;
    private final CircuitBreaker breaker;

    public GuardedCompressor(Compressor engine, BreakerSettings settings) {
        this.engine = engine;
        this.breaker = CircuitBreaker.of("engine", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.failures())
                .minimumNumberOfCalls(settings.failures())
                .failureRateThreshold(100)
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(GuardedCompressor::isUnavailable)
                // A refusal is logged on every 503 while open; its stack says nothing.
                .writableStackTraceEnabled(false)
                .build());
    }

    private static boolean isUnavailable(Throwable failure) {
        return failure instanceof CompressionException e && e.code() == ErrorCode.ENGINE_UNAVAILABLE;
    }

    @Override
    public Compressed compress(byte[] image, CompressOptions options) throws CompressionException {
        if (!breaker.tryAcquirePermission()) {
            throw new CompressionException(ErrorCode.ENGINE_UNAVAILABLE, "The engine circuit breaker is open",
                    CallNotPermittedException.createCallNotPermittedException(breaker));
        }
        long started = System.nanoTime();
        try {
            Compressed compressed = engine.compress(image, options);
            breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            return compressed;
        } catch (CompressionException | RuntimeException | Error e) {
            breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
            throw e;
        }
    }

    /** True when {@code failure} is this breaker's refusal: the call never reached the engine. */
    static boolean isRefusal(CompressionException failure) {
        return failure.getCause() instanceof CallNotPermittedException;
    }

    /** CLOSED, OPEN, HALF_OPEN, … for health and metrics. */
    public String state() {
        return breaker.getState().name();
    }

    @Override
    public boolean isReady() {
        return engine.isReady();
    }

    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return engine.toString();
    }
}
