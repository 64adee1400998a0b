package com.storagecompressai.gateway.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storagecompressai.engine.api.CompressOptions;
import com.storagecompressai.engine.api.Compressed;
import com.storagecompressai.engine.api.CompressionException;
import com.storagecompressai.engine.api.Compressor;
import com.storagecompressai.engine.api.ErrorCode;
import com.storagecompressai.gateway.config.BreakerSettings;
import com.storagecompressai.gateway.config.EngineRetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EngineFailoverTest {

    private static final byte[] IMAGE = {1, 2, 3};
    private static final CompressOptions OPTIONS = new CompressOptions(80);
    private static final EngineRetry THREE_TRIES = new EngineRetry(3, Duration.ofMillis(1));
    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** Answers each call with the next scripted code (null = success), then with {@code otherwise}; counts calls. */
    private static final class ScriptedEngine implements Compressor {
        final AtomicInteger calls = new AtomicInteger();
        final ConcurrentLinkedQueue<ErrorCode> script = new ConcurrentLinkedQueue<>();
        final List<Duration> timeLeft = new CopyOnWriteArrayList<>();
        final ErrorCode otherwise;

        ScriptedEngine(ErrorCode otherwise, ErrorCode... first) {
            this.otherwise = otherwise;
            script.addAll(Arrays.asList(first));
        }

        static ScriptedEngine healthy() {
            return new ScriptedEngine(null);
        }

        @Override
        public Compressed compress(byte[] image, CompressOptions options) throws CompressionException {
            calls.incrementAndGet();
            timeLeft.add(CallDeadline.left(MINUTE));
            ErrorCode code = script.isEmpty() ? otherwise : script.poll();
            if (code != null) {
                throw new CompressionException(code, "scripted " + code);
            }
            return new Compressed(new byte[] {(byte) 0xFF, (byte) 0xD8}, 1, 1, Duration.ZERO, Duration.ZERO);
        }
    }

    private final AtomicInteger retries = new AtomicInteger();

    private EngineFailover failover(Duration deadline, Compressor... engines) {
        return new EngineFailover(List.of(engines), THREE_TRIES, deadline, retries::incrementAndGet);
    }

    @Test
    void spreadsCompressionsRoundRobinOverTheEngines() throws Exception {
        // given
        ScriptedEngine a = ScriptedEngine.healthy();
        ScriptedEngine b = ScriptedEngine.healthy();
        EngineFailover failover = failover(MINUTE, a, b);
        // when
        for (int i = 0; i < 6; i++) {
            failover.compress(IMAGE, OPTIONS);
        }
        // then
        assertThat(a.calls).hasValue(3);
        assertThat(b.calls).hasValue(3);
        assertThat(retries).hasValue(0);
    }

    @Test
    void triesAnUnavailableOrOverloadedEngineAgainOnTheNextOne() throws Exception {
        for (ErrorCode failure : List.of(ErrorCode.ENGINE_UNAVAILABLE, ErrorCode.OVERLOADED)) {
            // given
            ScriptedEngine dead = new ScriptedEngine(failure);
            ScriptedEngine alive = ScriptedEngine.healthy();
            EngineFailover failover = failover(MINUTE, dead, alive);
            retries.set(0);
            // when
            Compressed first = failover.compress(IMAGE, OPTIONS);
            Compressed second = failover.compress(IMAGE, OPTIONS);
            // then: the first started on the dead engine and moved on, the second started on the live one
            assertThat(first.jpeg()).startsWith((byte) 0xFF);
            assertThat(second.jpeg()).startsWith((byte) 0xFF);
            assertThat(dead.calls).as(failure.name()).hasValue(1);
            assertThat(alive.calls).as(failure.name()).hasValue(2);
            assertThat(retries).as(failure.name()).hasValue(1);
        }
    }

    @Test
    void neverTriesAClientMistakeOrACompressionFailureAgain() {
        for (ErrorCode refusal : List.of(ErrorCode.INVALID_IMAGE, ErrorCode.UNSUPPORTED_FORMAT, ErrorCode.IMAGE_TOO_LARGE,
                ErrorCode.PAYLOAD_TOO_LARGE, ErrorCode.TARGET_UNREACHABLE, ErrorCode.COMPRESSION_FAILED)) {
            // given
            ScriptedEngine refusing = new ScriptedEngine(refusal);
            ScriptedEngine other = ScriptedEngine.healthy();
            EngineFailover failover = failover(MINUTE, refusing, other);
            // when / then
            assertCode(failover, refusal);
            assertThat(refusing.calls).as(refusal.name()).hasValue(1);
            assertThat(other.calls).as(refusal.name()).hasValue(0);
        }
        assertThat(retries).hasValue(0);
    }

    @Test
    void retriesTheSameUrlWhenItIsTheOnlyOneAndSucceedsWhenItRecovers() throws Exception {
        // given a load balancer whose first try lands on a dead engine
        ScriptedEngine balancer = new ScriptedEngine(null, ErrorCode.ENGINE_UNAVAILABLE);
        // when
        Compressed compressed = failover(MINUTE, balancer).compress(IMAGE, OPTIONS);
        // then
        assertThat(compressed.width()).isEqualTo(1);
        assertThat(balancer.calls).hasValue(2);
        assertThat(retries).hasValue(1);
    }

    @Test
    void givesUpAfterTheConfiguredNumberOfTriesWithTheLastFailure() {
        // given
        ScriptedEngine a = new ScriptedEngine(ErrorCode.ENGINE_UNAVAILABLE);
        ScriptedEngine b = new ScriptedEngine(ErrorCode.OVERLOADED);
        // when / then: a, b, a
        assertCode(failover(MINUTE, a, b), ErrorCode.ENGINE_UNAVAILABLE);
        assertThat(a.calls).hasValue(2);
        assertThat(b.calls).hasValue(1);
        assertThat(retries).hasValue(2);
    }

    @Test
    void triesNoMoreOnceTheDeadlineHasPassed() {
        // given a deadline that is over before the first answer
        ScriptedEngine a = new ScriptedEngine(ErrorCode.ENGINE_UNAVAILABLE);
        ScriptedEngine b = new ScriptedEngine(ErrorCode.ENGINE_UNAVAILABLE);
        // when / then
        assertCode(failover(Duration.ofNanos(1), a, b), ErrorCode.ENGINE_UNAVAILABLE);
        assertThat(a.calls.get() + b.calls.get()).isEqualTo(1);
        assertThat(retries).hasValue(0);
    }

    @Test
    void givesEachTryOnlyTheTimeLeftOfTheDeadline() {
        // given
        ScriptedEngine a = new ScriptedEngine(ErrorCode.ENGINE_UNAVAILABLE);
        Duration deadline = Duration.ofSeconds(5);
        // when
        assertCode(failover(deadline, a), ErrorCode.ENGINE_UNAVAILABLE);
        // then
        assertThat(a.timeLeft).hasSize(3).allSatisfy(left -> assertThat(left).isPositive().isLessThanOrEqualTo(deadline));
        assertThat(a.timeLeft.get(2)).isLessThan(a.timeLeft.get(0));
        assertThat(CallDeadline.left(MINUTE)).as("unbound outside a compression").isEqualTo(MINUTE);
    }

    @Test
    void passesOverAnEngineWhoseBreakerIsOpenWithoutSpendingATry() throws Exception {
        // given engine a's breaker opened by one failure
        ScriptedEngine a = new ScriptedEngine(ErrorCode.ENGINE_UNAVAILABLE);
        ScriptedEngine b = ScriptedEngine.healthy();
        GuardedCompressor guardedA = new GuardedCompressor(a, new BreakerSettings(1, Duration.ofMinutes(10)));
        GuardedCompressor guardedB = new GuardedCompressor(b, new BreakerSettings(1, Duration.ofMinutes(10)));
        EngineFailover failover = new EngineFailover(List.of(guardedA, guardedB), new EngineRetry(1, Duration.ofMillis(1)),
                MINUTE, retries::incrementAndGet);
        assertCode(guardedA, ErrorCode.ENGINE_UNAVAILABLE);
        assertThat(guardedA.state()).isEqualTo("OPEN");
        // when: with a single try each, half of them would start on a
        List<Compressed> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            results.add(failover.compress(IMAGE, OPTIONS));
        }
        // then
        assertThat(results).hasSize(6);
        assertThat(a.calls).hasValue(1);
        assertThat(b.calls).hasValue(6);
    }

    @Test
    void answersUnavailableAtOnceWhenEveryBreakerIsOpen() {
        // given
        ScriptedEngine a = new ScriptedEngine(ErrorCode.ENGINE_UNAVAILABLE);
        GuardedCompressor guarded = new GuardedCompressor(a, new BreakerSettings(1, Duration.ofMinutes(10)));
        EngineFailover failover = new EngineFailover(List.of(guarded), THREE_TRIES, MINUTE, retries::incrementAndGet);
        assertCode(failover, ErrorCode.ENGINE_UNAVAILABLE);
        int callsBefore = a.calls.get();
        // when / then
        assertCode(failover, ErrorCode.ENGINE_UNAVAILABLE);
        assertThat(a.calls).hasValue(callsBefore);
    }

    @Test
    void isReadyWhenAnyEngineIs() {
        Compressor down = new Compressor() {
            @Override
            public Compressed compress(byte[] image, CompressOptions options) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean isReady() {
                return false;
            }
        };
        assertThat(failover(MINUTE, down, ScriptedEngine.healthy()).isReady()).isTrue();
        assertThat(failover(MINUTE, down).isReady()).isFalse();
    }

    private static void assertCode(Compressor compressor, ErrorCode code) {
        assertThatThrownBy(() -> compressor.compress(IMAGE, OPTIONS)).isInstanceOfSatisfying(CompressionException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
