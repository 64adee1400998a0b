package com.storagecompressai.gateway.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storagecompressai.engine.api.CompressOptions;
import com.storagecompressai.engine.api.Compressed;
import com.storagecompressai.engine.api.CompressionException;
import com.storagecompressai.engine.api.Compressor;
import com.storagecompressai.engine.api.ErrorCode;
import com.storagecompressai.gateway.TestImages;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PixelBudgetTest {

    private static final CompressOptions OPTIONS = new CompressOptions(80);

    /** An engine that holds every call until released, counting the calls that reached it. */
    private static final class HeldEngine implements Compressor {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch entered = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Compressed compress(byte[] image, CompressOptions options) {
            calls.incrementAndGet();
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Compressed(new byte[] {(byte) 0xFF, (byte) 0xD8}, 1, 1, Duration.ZERO, Duration.ZERO);
        }
    }

    @Test
    void refusesAnImageThatWouldPassTheBudgetWhileOthersAreDecodedAndAdmitsItAfterwards() throws Exception {
        // given a 100x100 PNG compressing, under a budget of 15 000 pixels
        HeldEngine engine = new HeldEngine();
        PixelBudget budget = new PixelBudget(engine, 15_000);
        byte[] image = TestImages.gradientPng(100, 100);
        Thread first = Thread.ofVirtual().start(() -> {
            try {
                budget.compress(image, OPTIONS);
            } catch (CompressionException e) {
                throw new AssertionError(e);
            }
        });
        engine.entered.await();
        // when a second one arrives
        assertThatThrownBy(() -> budget.compress(image, OPTIONS)).isInstanceOfSatisfying(CompressionException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.OVERLOADED));
        assertThat(budget.pixelsInFlight()).isEqualTo(10_000);
        // then once the first is done the budget is free again
        engine.release.countDown();
        first.join();
        assertThat(budget.pixelsInFlight()).isZero();
        budget.compress(image, OPTIONS);
        assertThat(engine.calls).hasValue(2);
    }

    @Test
    void chargesAnEnlargementItsOutputBoxNotItsSmallUpload() throws Exception {
        // given a tiny PNG being enlarged to 100x100 under a budget of 15 000 pixels
        HeldEngine engine = new HeldEngine();
        PixelBudget budget = new PixelBudget(engine, 15_000);
        byte[] tiny = TestImages.gradientPng(10, 10);
        CompressOptions enlarge = OPTIONS.withSize(100, 100, CompressOptions.Fit.FILL, true);
        Thread first = Thread.ofVirtual().start(() -> {
            try {
                budget.compress(tiny, enlarge);
            } catch (CompressionException e) {
                throw new AssertionError(e);
            }
        });
        engine.entered.await();
        // when / then the output box is what is held, and a second enlargement does not fit beside it
        assertThat(budget.pixelsInFlight()).isEqualTo(10_000);
        assertThatThrownBy(() -> budget.compress(tiny, enlarge)).isInstanceOfSatisfying(CompressionException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.OVERLOADED));
        engine.release.countDown();
        first.join();
        assertThat(budget.pixelsInFlight()).isZero();
    }

    @Test
    void readsThePixelCountAHeaderClaimsOrNothingForUnknownBytes() {
        assertThat(HeaderPixels.of(TestImages.garbage())).isEmpty();
        assertThat(HeaderPixels.of(TestImages.gradientPng(30, 20))).hasValue(600);
        assertThat(HeaderPixels.of(TestImages.pngHeaderClaiming(50_000, 50_000))).hasValue(2_500_000_000L);
    }
}
