package com.storagecompressai.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.storagecompressai.jpeg.ColorChannels;
import com.storagecompressai.jpeg.RasterImage;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Expected values come from an independent NumPy/SciPy implementation of Wang et al. (2004): the 11×11
 * Gaussian (σ 1.5) applied with convolve2d(mode='valid') to the same generated images.
 */
class SsimTest {

    private static final int WIDTH = 48;
    private static final int HEIGHT = 32;

    @Test
    void identicalImagesScoreOne() {
        RasterImage image = gray((x, y) -> (x * 7 + y * 13) % 256);

        assertThat(Ssim.between(image, image)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void patternWithDeterministicNoiseMatchesTheReference() {
        // given
        RasterImage original = gray((x, y) -> (x * 7 + y * 13) % 256);
        RasterImage noisy = gray((x, y) -> clamp((x * 7 + y * 13) % 256 + (x * 31 + y * 17) % 21 - 10));

        // when
        double score = Ssim.between(original, noisy);

        // then
        assertThat(score).isCloseTo(0.9780410558, within(1e-6));
    }

    @Test
    void constantOffsetMatchesTheReference() {
        RasterImage original = gray((x, y) -> (x * 7 + y * 13) % 256);
        RasterImage brighter = gray((x, y) -> clamp((x * 7 + y * 13) % 256 + 20));

        assertThat(Ssim.between(original, brighter)).isCloseTo(0.9820463027, within(1e-6));
    }

    @Test
    void colourImagesAreComparedOnBt601Luma() {
        // given: only red gets noise and only blue is inverted, so luma changes by their weights
        RasterImage original = rgb((x, y) -> (x * 5) % 256, (x, y) -> (y * 8) % 256, (x, y) -> ((x + y) * 3) % 256);
        RasterImage changed = rgb((x, y) -> clamp((x * 5) % 256 + (x * 13 + y * 7) % 9 - 4),
                (x, y) -> (y * 8) % 256, (x, y) -> 255 - ((x + y) * 3) % 256);

        // when / then
        assertThat(Ssim.between(original, changed)).isCloseTo(0.9785623943, within(1e-6));
    }

    @Test
    void worseDistortionScoresLower() {
        RasterImage original = gray((x, y) -> (x * 7 + y * 13) % 256);
        RasterImage slightly = gray((x, y) -> clamp((x * 7 + y * 13) % 256 + (x * 31 + y * 17) % 5 - 2));
        RasterImage heavily = gray((x, y) -> clamp((x * 7 + y * 13) % 256 + (x * 31 + y * 17) % 61 - 30));

        assertThat(Ssim.between(original, slightly)).isGreaterThan(Ssim.between(original, heavily));
    }

    @Test
    void imagesSmallerThanTheWindowStillScore() {
        RasterImage tiny = new RasterImage(3, 2, ColorChannels.GRAY, new byte[] {0, 50, 100, (byte) 150, (byte) 200, (byte) 250});

        assertThat(Ssim.between(tiny, tiny)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void refusesImagesOfDifferentSizes() {
        RasterImage a = new RasterImage(2, 2, ColorChannels.GRAY, new byte[4]);
        RasterImage b = new RasterImage(4, 1, ColorChannels.GRAY, new byte[4]);

        assertThatThrownBy(() -> Ssim.between(a, b)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    private static RasterImage gray(IntBinaryOperator value) {
        byte[] samples = new byte[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                samples[y * WIDTH + x] = (byte) value.applyAsInt(x, y);
            }
        }
        return new RasterImage(WIDTH, HEIGHT, ColorChannels.GRAY, samples);
    }

    private static RasterImage rgb(IntBinaryOperator red, IntBinaryOperator green, IntBinaryOperator blue) {
        byte[] samples = new byte[WIDTH * HEIGHT * 3];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int at = (y * WIDTH + x) * 3;
                samples[at] = (byte) red.applyAsInt(x, y);
                samples[at + 1] = (byte) green.applyAsInt(x, y);
                samples[at + 2] = (byte) blue.applyAsInt(x, y);
            }
        }
        return new RasterImage(WIDTH, HEIGHT, ColorChannels.RGB, samples);
    }
}
