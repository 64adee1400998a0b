package com.storagecompressai.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.gateway.auth.ClientId;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalRateLimiterTest {

    /** A clock the test moves by hand, so refills need no sleeping. */
    private static final class ManualClock implements TimeMeter {
        private long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }
    }

    private final ManualClock clock = new ManualClock();
    private final LocalRateLimiter limiter = new LocalRateLimiter(new Limit(3, Duration.ofSeconds(60)), clock);
    private final ClientId client = new ClientId("key:abc");

    @Test
    void allowsMaxRequestsPerWindowCountingDownRemaining() {
        assertThat(limiter.tryConsume(client).remaining()).isEqualTo(2);
        assertThat(limiter.tryConsume(client).remaining()).isEqualTo(1);
        Decision third = limiter.tryConsume(client);
        assertThat(third.allowed()).isTrue();
        assertThat(third.remaining()).isZero();
        assertThat(third.limit()).isEqualTo(3);
    }

    @Test
    void refusesTheNextRequestWithRetryAfterUntilTheWindowEnds() {
        // given
        for (int i = 0; i < 3; i++) {
            limiter.tryConsume(client);
        }
        clock.advance(Duration.ofSeconds(20));
        // when
        Decision refused = limiter.tryConsume(client);
        // then
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(40);
        assertThat(refused.headers()).containsEntry("Retry-After", "40").containsEntry("RateLimit-Remaining", "0")
                .containsEntry("RateLimit-Limit", "3");
    }

    @Test
    void refillsTheWholeAllowanceAfterTheWindow() {
        // given
        for (int i = 0; i < 4; i++) {
            limiter.tryConsume(client);
        }
        // when
        clock.advance(Duration.ofSeconds(60));
        Decision next = limiter.tryConsume(client);
        // then
        assertThat(next.allowed()).isTrue();
        assertThat(next.remaining()).isEqualTo(2);
    }

    @Test
    void keepsClientsApart() {
        for (int i = 0; i < 3; i++) {
            limiter.tryConsume(client);
        }
        assertThat(limiter.tryConsume(new ClientId("key:other")).allowed()).isTrue();
    }
}
