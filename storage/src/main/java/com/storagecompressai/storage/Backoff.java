package com.storagecompressai.storage;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** The pauses between retries of a remote call: exponential, with equal jitter so that callers spread out. */
public final class Backoff {

    private Backoff() {
    }

    /**
     * A random pause between half and all of {@code initial × 2^(attempt-1)}, that product capped at {@code max}.
     *
     * @param attempt the try that just failed, from 1
     */
    public static Duration equalJitter(Duration initial, int attempt, Duration max) {
        long ceiling = Math.min(max.toNanos(), initial.toNanos() << Math.min(attempt - 1, 20));
        return Duration.ofNanos(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }
}
