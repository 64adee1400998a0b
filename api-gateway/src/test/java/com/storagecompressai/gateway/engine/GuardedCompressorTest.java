package com.storagecompressai.gateway.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storagecompressai.engine.api.CompressOptions;
import com.storagecompressai.engine.api.Compressed;
import com.storagecompressai.engine.api.CompressionException;
import com.storagecompressai.engine.api.Compressor;
import com.storagecompressai.engine.api.ErrorCode;
import com.storagecompressai.gateway.config.BreakerSettings;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class GuardedCompressorTest {

    private static final byte[] IMAGE = {1, 2, 3};
    private static final CompressOptions OPTIONS = new CompressOptions(80);

    /** An engine whose next answer the test chooses, counting the calls that reach it. */
    private static final class ScriptedEngine implements Compressor {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicReference<ErrorCode> failWith = new AtomicReference<>(ErrorCode.ENGINE_UNAVAILABLE);

        @Override
        public Compressed compress(byte[] image, CompressOptions options) throws CompressionException {
            calls.incrementAndGet();
            ErrorCode code = failWith.get();
            if (code != null) {
                throw new CompressionException(code, "scripted " + code);
            }
            return new Compressed(new byte[] {(byte) 0xFF, (byte) 0xD8}, 1, 1, Duration.ZERO, Duration.ZERO);
        }
    }

    @Test
    void opensAfterConsecutiveUnavailableAnswersAndThenFailsWithoutCallingTheEngine() {
        // given
        ScriptedEngine engine = new ScriptedEngine();
        GuardedCompressor guarded = new GuardedCompressor(engine, new BreakerSettings(3, Duration.ofMinutes(10)));
        // when
        for (int i = 0; i < 3; i++) {
            assertUnavailable(guarded);
        }
        for (int i = 0; i < 50; i++) {
            assertUnavailable(guarded);
        }
        // then
        assertThat(engine.calls).hasValue(3);
        assertThat(guarded.state()).isEqualTo("OPEN");
    }

    @Test
    void countsOtherEngineAnswersAsAliveSoTheyNeverOpenIt() {
        ScriptedEngine engine = new ScriptedEngine();
        engine.failWith.set(ErrorCode.INVALID_IMAGE);
        GuardedCompressor guarded = new GuardedCompressor(engine, new BreakerSettings(2, Duration.ofMinutes(10)));
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> guarded.compress(IMAGE, OPTIONS)).isInstanceOfSatisfying(CompressionException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_IMAGE));
        }
        assertThat(engine.calls).hasValue(10);
        assertThat(guarded.state()).isEqualTo("CLOSED");
    }

    @Test
    void letsOneProbeThroughAfterTheOpenTimeAndClosesWhenItSucceeds() throws Exception {
        // given an open breaker
        ScriptedEngine engine = new ScriptedEngine();
        GuardedCompressor guarded = new GuardedCompressor(engine, new BreakerSettings(1, Duration.ofMillis(200)));
        assertUnavailable(guarded);
        assertThat(guarded.state()).isEqualTo("OPEN");
        // when the engine is back and calls keep coming
        engine.failWith.set(null);
        Compressed probe = null;
        for (int attempt = 0; attempt < 500 && probe == null; attempt++) {
            try {
                probe = guarded.compress(IMAGE, OPTIONS);
            } catch (CompressionException stillOpen) {
                Thread.sleep(10);
            }
        }
        // then one probe reached it and closed the breaker
        assertThat(probe).isNotNull();
        assertThat(engine.calls).hasValue(2);
        assertThat(guarded.state()).isEqualTo("CLOSED");
    }

    private static void assertUnavailable(Compressor compressor) {
        assertThatThrownBy(() -> compressor.compress(IMAGE, OPTIONS)).isInstanceOfSatisfying(CompressionException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.ENGINE_UNAVAILABLE));
    }
}
