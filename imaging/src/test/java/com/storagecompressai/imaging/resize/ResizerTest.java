package com.storagecompressai.imaging.resize;

import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.jpeg.ColorChannels;
import com.storagecompressai.jpeg.RasterImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ResizerTest {

    @Test
    void aFlatColourStaysExactlyFlat() {
        // given
        RasterImage flat = rgb(97, 61, (x, y) -> new int[] {12, 200, 143});

        // when
        RasterImage smaller = Resizer.resize(flat, ResizeRequest.width(23));
        RasterImage larger = Resizer.resize(flat, ResizeRequest.width(150).enlarging());

        // then
        assertThat(smaller.width()).isEqualTo(23);
        assertThat(smaller.height()).isEqualTo(14);
        assertThat(distinctPixels(smaller)).containsExactly(pixel(12, 200, 143));
        assertThat(distinctPixels(larger)).containsExactly(pixel(12, 200, 143));
    }

    @Test
    void aBlackAndWhiteCheckerboardShrinksToTheGreyOfEqualLight() {
        // given: one-pixel checks; half the light of white is sRGB 188, not 128
        RasterImage checks = gray(64, 64, (x, y) -> (x + y) % 2 == 0 ? 0 : 255);

        // when
        RasterImage shrunk = Resizer.resize(checks, ResizeRequest.width(16));

        // then
        assertThat(shrunk.width()).isEqualTo(16);
        for (int y = 2; y < 14; y++) {
            for (int x = 2; x < 14; x++) {
                assertThat(shrunk.samples()[y * 16 + x] & 0xFF).as("(%d,%d)", x, y).isEqualTo(188);
            }
        }
        for (byte sample : shrunk.samples()) {
            assertThat(sample & 0xFF).isBetween(180, 196);
        }
    }

    @Test
    void aSharpEdgeStaysSharpWithoutSpreadingFar() {
        // given: left half black, right half white
        RasterImage edge = gray(80, 8, (x, y) -> x < 40 ? 0 : 255);

        // when
        RasterImage half = Resizer.resize(edge, ResizeRequest.width(40));

        // then: far from the edge the levels are untouched, the transition is a few pixels wide
        assertThat(half.samples()[2 * 40 + 5] & 0xFF).isEqualTo(0);
        assertThat(half.samples()[2 * 40 + 35] & 0xFF).isEqualTo(255);
        assertThat(half.samples()[2 * 40 + 18] & 0xFF).isLessThan(10);
        assertThat(half.samples()[2 * 40 + 22] & 0xFF).isGreaterThan(245);
    }

    @Test
    void rowsAreMixedInOrderWhenShrinkingAndGrowingVertically() {
        // given: a vertical ramp, one grey level per row
        RasterImage ramp = gray(4, 200, (x, y) -> y);

        // when
        RasterImage shrunk = Resizer.resize(ramp, new ResizeRequest(4, 20, Fit.FILL, false));
        RasterImage grown = Resizer.resize(gray(4, 20, (x, y) -> y * 12), new ResizeRequest(4, 60, Fit.FILL, true));

        // then: output rows keep the ramp's order, and the middle of each tenth stays near its source level
        for (int y = 1; y < 20; y++) {
            assertThat(shrunk.samples()[y * 4] & 0xFF).isGreaterThan(shrunk.samples()[(y - 1) * 4] & 0xFF);
        }
        assertThat(shrunk.samples()[10 * 4] & 0xFF).isBetween(100, 112);
        for (int y = 1; y < 60; y++) {
            assertThat(grown.samples()[y * 4] & 0xFF).isGreaterThanOrEqualTo(grown.samples()[(y - 1) * 4] & 0xFF);
        }
    }

    @Test
    void doesNotUpscaleWithoutEnlarge() {
        RasterImage image = gray(30, 20, (x, y) -> x * 8);

        RasterImage result = Resizer.resize(image, ResizeRequest.width(300));

        assertThat(result).isSameAs(image);
    }

    @Test
    void coverCropsTheCentre() {
        // given: 3 vertical bands (red | green | blue), 30x10 — cover to 10x10 keeps the green middle
        RasterImage bands = rgb(30, 10, (x, y) -> x < 10 ? new int[] {255, 0, 0}
                : x < 20 ? new int[] {0, 255, 0} : new int[] {0, 0, 255});

        // when
        RasterImage square = Resizer.resize(bands, ResizeRequest.box(10, 10, Fit.COVER));

        // then
        assertThat(square.width()).isEqualTo(10);
        assertThat(square.height()).isEqualTo(10);
        assertThat(distinctPixels(square)).containsExactly(pixel(0, 255, 0));
    }

    @Test
    void containPadsWithWhite() {
        // given a black 40x20 image
        RasterImage black = rgb(40, 20, (x, y) -> new int[] {0, 0, 0});

        // when
        RasterImage boxed = Resizer.resize(black, ResizeRequest.box(20, 20, Fit.CONTAIN));

        // then: 20x10 of black centred, 5 white rows above and below
        assertThat(boxed.width()).isEqualTo(20);
        assertThat(boxed.height()).isEqualTo(20);
        assertThat(pixelAt(boxed, 10, 2)).isEqualTo(pixel(255, 255, 255));
        assertThat(pixelAt(boxed, 10, 4)).isEqualTo(pixel(255, 255, 255));
        assertThat(pixelAt(boxed, 10, 5)).isEqualTo(pixel(0, 0, 0));
        assertThat(pixelAt(boxed, 10, 14)).isEqualTo(pixel(0, 0, 0));
        assertThat(pixelAt(boxed, 10, 15)).isEqualTo(pixel(255, 255, 255));
    }

    @Test
    void fillStretchesAGreyImage() {
        RasterImage image = gray(40, 40, (x, y) -> 77);

        RasterImage stretched = Resizer.resize(image, ResizeRequest.box(10, 30, Fit.FILL));

        assertThat(stretched.width()).isEqualTo(10);
        assertThat(stretched.height()).isEqualTo(30);
        assertThat(stretched.channels()).isEqualTo(ColorChannels.GRAY);
        for (byte sample : stretched.samples()) {
            assertThat(sample & 0xFF).isEqualTo(77);
        }
    }

    @Test
    void leavesTheInputUntouched() {
        RasterImage image = gray(32, 32, (x, y) -> (x * 8) ^ y);
        byte[] before = image.samples().clone();

        Resizer.resize(image, ResizeRequest.box(7, 9, Fit.COVER));

        assertThat(image.samples()).isEqualTo(before);
    }

    interface Colour {
        int[] at(int x, int y);
    }

    interface Level {
        int at(int x, int y);
    }

    private static RasterImage rgb(int width, int height, Colour colour) {
        byte[] samples = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] c = colour.at(x, y);
                int at = (y * width + x) * 3;
                samples[at] = (byte) c[0];
                samples[at + 1] = (byte) c[1];
                samples[at + 2] = (byte) c[2];
            }
        }
        return new RasterImage(width, height, ColorChannels.RGB, samples);
    }

    private static RasterImage gray(int width, int height, Level level) {
        byte[] samples = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                samples[y * width + x] = (byte) level.at(x, y);
            }
        }
        return new RasterImage(width, height, ColorChannels.GRAY, samples);
    }

    private static int pixel(int r, int g, int b) {
        return r << 16 | g << 8 | b;
    }

    private static int pixelAt(RasterImage image, int x, int y) {
        int at = (y * image.width() + x) * 3;
        byte[] s = image.samples();
        return pixel(s[at] & 0xFF, s[at + 1] & 0xFF, s[at + 2] & 0xFF);
    }

    private static int[] distinctPixels(RasterImage image) {
        int[] pixels = new int[image.width() * image.height()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = pixelAt(image, i % image.width(), i / image.width());
        }
        return Arrays.stream(pixels).distinct().toArray();
    }
}
