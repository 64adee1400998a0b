package com.storagecompressai.gateway.engine;

import com.storagecompressai.engine.api.CompressOptions;
import com.storagecompressai.engine.api.Compressed;
import com.storagecompressai.engine.api.CompressionException;
import com.storagecompressai.engine.api.Compressor;
import com.storagecompressai.engine.api.ErrorCode;
import com.storagecompressai.gateway.config.EngineRetry;
import com.storagecompressai.storage.Backoff;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spreads compressions round-robin over the remote engines and, when one is unreachable, dies mid-answer, or
 * says it is overloaded or unavailable (ENGINE_UNAVAILABLE, OVERLOADED), tries the same compression on the next
 * one: compression is idempotent. With a single engine (a load balancer, say) the retry goes to the same URL.
 * At most {@link EngineRetry#attempts()} tries with a short jittered backoff between them, all within one
 * deadline: each try gets only the time left. Any other answer (a bad image, too many pixels, a 500) is final.
 * An engine whose circuit breaker refuses the call (it is open) is passed over without spending a try.
 * Thread-safe.
 */
public final class EngineFailover implements Compressor {

    private static final Logger LOG = LoggerFactory.getLogger(EngineFailover.class);

    private final List<Compressor> engines;
    private final EngineRetry retry;
    private final Duration deadline;
    private final Runnable onRetry;
    private final AtomicInteger next = new AtomicInteger();

    /**
     * @param deadline the whole compression, every try and pause included (ENGINE_TIMEOUT_SECONDS)
     * @param onRetry  called before each retry, for the metrics
     */
    public EngineFailover(List<? extends Compressor> engines, EngineRetry retry, Duration deadline, Runnable onRetry) {
        if (engines.isEmpty()) {
            throw new IllegalArgumentException("at least one engine is needed");
        }
        this.engines = List.copyOf(engines);
        this.retry = retry;
        this.deadline = deadline;
        this.onRetry = onRetry;
    }

    @Override
    public Compressed compress(byte[] image, CompressOptions options) throws CompressionException {
        long deadlineAt = System.nanoTime() + deadline.toNanos();
        return ScopedValue.where(CallDeadline.NANO_TIME, deadlineAt).call(() -> attempts(image, options, deadlineAt));
    }

    private Compressed attempts(byte[] image, CompressOptions options, long deadlineAt) throws CompressionException {
        int cursor = Math.floorMod(next.getAndIncrement(), engines.size());
        CompressionException last = null;
        int attempts = 0;
        int refusedInARow = 0;
        while (attempts < retry.attempts() && refusedInARow < engines.size()) {
            Compressor engine = engines.get(cursor++ % engines.size());
            try {
                return engine.compress(image, options);
            } catch (CompressionException e) {
                if (GuardedCompressor.isRefusal(e)) {
                    // Its breaker is open: pass it over without spending a try or a pause.
                    refusedInARow++;
                    last = last == null ? e : last;
                    continue;
                }
                if (!isRetryable(e)) {
                    throw e;
                }
                refusedInARow = 0;
                last = e;
                attempts++;
                if (attempts == retry.attempts() || !pause(backoff(attempts), deadlineAt)) {
                    break;
                }
                LOG.warn("{} failed ({}: {}{}), trying again (attempt {} of {})", engine, e.code(), e.getMessage(),
                        e.getCause() == null ? "" : ", " + e.getCause(), attempts + 1, retry.attempts());
                onRetry.run();
            }
        }
        throw last;
    }

    /** The engine did not do the work (gone, cut off, busy, or out of time): another one may. */
    private static boolean isRetryable(CompressionException e) {
        return e.code() == ErrorCode.ENGINE_UNAVAILABLE || e.code() == ErrorCode.OVERLOADED;
    }

    private Duration backoff(int attempt) {
        return Backoff.equalJitter(retry.initialBackoff(), attempt, deadline);
    }

    /** Sleeps {@code pause}; false when the deadline comes first (then there is no time for another try). */
    private static boolean pause(Duration pause, long deadlineAt) throws CompressionException {
        if (deadlineAt - System.nanoTime() <= pause.toNanos()) {
            return false;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(pause.toNanos());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompressionException(ErrorCode.ENGINE_UNAVAILABLE, "Interrupted while waiting to retry the engine", e);
        }
    }

    /** Ready when at least one engine is. */
    @Override
    public boolean isReady() {
        return engines.stream().anyMatch(Compressor::isReady);
    }

    @Override
    public void close() {
        engines.forEach(Compressor::close);
    }

    @Override
    public String toString() {
        return "engines " + engines;
    }
}
