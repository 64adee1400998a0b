package com.storagecompressai.gateway.storage;

import java.time.Duration;

/**
 * How {@link OrphanCleaner} retries deletes while the store is down.
 *
 * @param capacity       keys that may wait at once; beyond, a key is logged and left in the store
 * @param initialBackoff pause before the second try; doubled for each further one, with jitter
 * @param maxBackoff     the longest pause between two tries
 * @param giveUpAfter    how long after the first failed try a key is given up (and logged at WARN)
 * @param confirmAfter   when to delete a key once more after it was deleted, for an upload the store was still
 *                       taking in when the gateway gave up on it; zero for no second delete
 */
public record CleanupSettings(int capacity, Duration initialBackoff, Duration maxBackoff, Duration giveUpAfter,
        Duration confirmAfter) {

    public static final CleanupSettings DEFAULT = new CleanupSettings(1000, Duration.ofMillis(500), Duration.ofSeconds(10),
            Duration.ofMinutes(15), Duration.ofSeconds(30));

    public CleanupSettings {
        if (capacity < 1) {
            throw new IllegalArgumentException("the clean-up queue needs room for at least one key, got " + capacity);
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0
                || giveUpAfter.isNegative() || confirmAfter.isNegative()) {
            throw new IllegalArgumentException("clean-up backoffs must be positive and ordered: " + initialBackoff + " ≤ "
                    + maxBackoff + ", give up after " + giveUpAfter + ", confirm after " + confirmAfter);
        }
    }

    /** These settings with the second delete {@code after} the first: the longest a store may still be taking in an upload. */
    public CleanupSettings confirmingAfter(Duration after) {
        return new CleanupSettings(capacity, initialBackoff, maxBackoff, giveUpAfter, after);
    }
}
