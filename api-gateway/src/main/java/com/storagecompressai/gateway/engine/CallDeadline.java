package com.storagecompressai.gateway.engine;

import java.time.Duration;

/**
 * The moment ({@link System#nanoTime()}) by which one compression must be answered, retries included. Bound by
 * {@link EngineFailover} around its attempts, so each call to an engine gets only the time that is left.
 */
final class CallDeadline {

    static final ScopedValue<Long> NANO_TIME = ScopedValue.newInstance();

    private CallDeadline() {
    }

    /** What is left of the bound deadline, at most {@code limit} and never negative; {@code limit} when none is bound. */
    static Duration left(Duration limit) {
        if (!NANO_TIME.isBound()) {
            return limit;
        }
        long left = NANO_TIME.get() - System.nanoTime();
        return left < limit.toNanos() ? Duration.ofNanos(Math.max(left, 0)) : limit;
    }
}
