package com.storagecompressai.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration INITIAL = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofSeconds(2);

    @Test
    void pauseLiesBetweenHalfAndAllOfTheDoubledStep() {
        for (int attempt = 1; attempt <= 4; attempt++) {
            long step = INITIAL.toMillis() << (attempt - 1);
            for (int i = 0; i < 1000; i++) {
                Duration pause = Backoff.equalJitter(INITIAL, attempt, MAX);
                assertThat(pause).as("attempt %d", attempt)
                        .isBetween(Duration.ofMillis(step / 2), Duration.ofMillis(step));
            }
        }
    }

    @Test
    void pauseNeverExceedsTheCapHoweverManyAttempts() {
        for (int attempt : new int[] {6, 20, 64, Integer.MAX_VALUE}) {
            Duration pause = Backoff.equalJitter(INITIAL, attempt, MAX);
            assertThat(pause).isBetween(MAX.dividedBy(2), MAX);
        }
    }

    @Test
    void callersRetryingTogetherAreSpreadOut() {
        Set<Duration> pauses = new HashSet<>();
        for (int caller = 0; caller < 50; caller++) {
            pauses.add(Backoff.equalJitter(INITIAL, 3, MAX));
        }
        // 50 draws from 200..400 ms in nanoseconds: all equal would mean no jitter at all
        assertThat(pauses).hasSizeGreaterThan(40);
    }
}
