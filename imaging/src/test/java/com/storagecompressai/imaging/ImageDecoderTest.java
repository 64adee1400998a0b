package com.storagecompressai.imaging;

import static com.storagecompressai.imaging.TestEncoders.twoFrameGif;
import static com.storagecompressai.imaging.TestImages.BLUE;
import static com.storagecompressai.imaging.TestImages.GREEN;
import static com.storagecompressai.imaging.TestImages.RED;
import static com.storagecompressai.imaging.TestImages.WHITE;
import static com.storagecompressai.imaging.TestImages.rgbAt;
import static com.storagecompressai.imaging.TestImages.unsigned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storagecompressai.jpeg.ColorChannels;
import com.storagecompressai.jpeg.RasterImage;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Formats the JDK reads (PNG, GIF, BMP) plus TIFF, and every way a decode is refused. */
class ImageDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder(100_000_000L);

    @Test
    void decodesPngToExactRgbSamples() throws Exception {
        // given
        byte[] png = TestImages.write(TestImages.quadrants(), "png");

        // when
        RasterImage image = decoder.decode(png);

        // then
        assertThat(image.channels()).isEqualTo(ColorChannels.RGB);
        assertThat(image.width()).isEqualTo(64);
        assertThat(image.height()).isEqualTo(32);
        assertThat(rgbAt(image, 0, 0)).isEqualTo(RED);
        assertThat(rgbAt(image, 63, 0)).isEqualTo(GREEN);
        assertThat(rgbAt(image, 0, 31)).isEqualTo(BLUE);
        assertThat(rgbAt(image, 63, 31)).isEqualTo(WHITE);
    }

    @Test
    void decodesEveryPixelOfANoisyRgbPngExactly() throws Exception {
        // given: an odd width, so rows are not a multiple of any word size
        var random = new java.util.SplittableRandom(7);
        BufferedImage noise = new BufferedImage(37, 11, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < noise.getHeight(); y++) {
            for (int x = 0; x < noise.getWidth(); x++) {
                noise.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        byte[] png = TestImages.write(noise, "png");

        // when
        RasterImage image = decoder.decode(png);

        // then
        for (int y = 0; y < noise.getHeight(); y++) {
            for (int x = 0; x < noise.getWidth(); x++) {
                assertThat(rgbAt(image, x, y)).as("pixel %d,%d", x, y).isEqualTo(noise.getRGB(x, y) & 0xFFFFFF);
            }
        }
    }

    @Test
    void decodesGreyPngAsGray() throws Exception {
        // given
        BufferedImage gray = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSamples(0, 0, 4, 2, 0, new int[] {0, 10, 100, 200, 255, 128, 64, 32});

        // when
        RasterImage image = decoder.decode(TestImages.write(gray, "png"));

        // then: the samples as stored, not brightened as the JDK's linear CS_GRAY would
        assertThat(image.channels()).isEqualTo(ColorChannels.GRAY);
        assertThat(unsigned(image.samples())).containsExactly(0, 10, 100, 200, 255, 128, 64, 32);
    }

    @Test
    void decodesRgbImageWhosePixelsAreAllGreyAsGray() throws Exception {
        // given
        byte[] png = TestImages.write(TestImages.filled(5, 3, BufferedImage.TYPE_INT_RGB, 0x777777), "png");

        // when
        RasterImage image = decoder.decode(png);

        // then
        assertThat(image.channels()).isEqualTo(ColorChannels.GRAY);
        assertThat(image.samples()).hasSize(15).containsOnly((byte) 0x77);
    }

    @Test
    void compositesPngAlphaOntoWhite() throws Exception {
        // given: transparent, half-transparent red, opaque blue
        BufferedImage argb = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x00000000);
        argb.setRGB(1, 0, 0x80FF0000);
        argb.setRGB(2, 0, 0xFF0000FF);

        // when
        RasterImage image = decoder.decode(TestImages.write(argb, "png"));

        // then
        assertThat(rgbAt(image, 0, 0)).isEqualTo(WHITE);
        assertThat(rgbAt(image, 1, 0)).isEqualTo(0xFF7F7F);
        assertThat(rgbAt(image, 2, 0)).isEqualTo(BLUE);
    }

    @Test
    void scalesSixteenBitPngToEightBits() throws Exception {
        // given
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(2, 1);
        raster.setPixel(0, 0, new int[] {65535, 32896, 0});
        raster.setPixel(1, 0, new int[] {257 * 10, 257 * 20, 257 * 30});
        BufferedImage deep = new BufferedImage(model, raster, false, null);

        // when
        RasterImage image = decoder.decode(TestImages.write(deep, "png"));

        // then
        assertThat(rgbAt(image, 0, 0)).isEqualTo(0xFF8000);
        assertThat(rgbAt(image, 1, 0)).isEqualTo(0x0A141E);
    }

    @Test
    void decodesPalettePngWithTransparentEntry() throws Exception {
        // given: a palette whose entry 2 is fully transparent
        IndexColorModel palette = new IndexColorModel(8, 3, new byte[] {(byte) 255, 0, 0}, new byte[] {0, (byte) 255, 0},
                new byte[] {0, 0, 0}, 2);
        BufferedImage indexed = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_INDEXED, palette);
        indexed.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {0, 1, 2});

        // when
        RasterImage image = decoder.decode(TestImages.write(indexed, "png"));

        // then
        assertThat(rgbAt(image, 0, 0)).isEqualTo(RED);
        assertThat(rgbAt(image, 1, 0)).isEqualTo(GREEN);
        assertThat(rgbAt(image, 2, 0)).isEqualTo(WHITE);
    }

    @Test
    void decodesOnlyTheFirstFrameOfAnAnimatedGif() throws Exception {
        // given: frame 1 red, frame 2 blue
        byte[] gif = twoFrameGif(TestImages.filled(8, 8, BufferedImage.TYPE_INT_RGB, RED),
                TestImages.filled(8, 8, BufferedImage.TYPE_INT_RGB, BLUE));

        // when
        RasterImage image = decoder.decode(gif);

        // then
        assertThat(rgbAt(image, 4, 4)).isEqualTo(RED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bmp", "tiff", "gif", "png"})
    void decodesLosslessFormatsExactly(String format) throws Exception {
        // given
        byte[] file = TestImages.write(TestImages.quadrants(), format);

        // when
        RasterImage image = decoder.decode(file);

        // then
        assertThat(rgbAt(image, 5, 5)).isEqualTo(RED);
        assertThat(rgbAt(image, 40, 5)).isEqualTo(GREEN);
        assertThat(rgbAt(image, 5, 20)).isEqualTo(BLUE);
        assertThat(rgbAt(image, 40, 20)).isEqualTo(WHITE);
    }

    @Test
    void refusesImageOverPixelLimitFromItsHeaderAlone() {
        // given: 100000x100000 claimed by a 57-byte file
        byte[] bomb = TestImages.pngHeaderOnly(100_000, 100_000);

        // when / then
        assertThatThrownBy(() -> decoder.decode(bomb))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("100000x100000");
    }

    @Test
    void refusesImageWiderThanAJpegCanBe() {
        assertThatThrownBy(() -> decoder.decode(TestImages.pngHeaderOnly(70_000, 1)))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("65535");
    }

    @Test
    void appliesTheConfiguredPixelLimit() {
        // given
        ImageDecoder small = new ImageDecoder(100);
        byte[] png = TestImages.write(TestImages.filled(11, 10, BufferedImage.TYPE_INT_RGB, RED), "png");

        // when / then
        assertThatThrownBy(() -> small.decode(png)).isInstanceOf(ImageTooLargeException.class);
    }

    @Test
    void refusesTruncatedPngAsInvalid() {
        // given
        byte[] png = TestImages.write(TestImages.quadrants(), "png");
        byte[] truncated = Arrays.copyOf(png, png.length / 2);

        // when / then
        assertThatThrownBy(() -> decoder.decode(truncated)).isInstanceOf(InvalidImageException.class)
                .hasMessageContaining("PNG");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpeg", "png", "gif", "bmp", "tiff", "webp"})
    void refusesMagicBytesFollowedByGarbageAsInvalid(String format) {
        // given
        byte[] magic = switch (format) {
            case "jpeg" -> new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
            case "png" -> new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
            case "gif" -> "GIF89a".getBytes(StandardCharsets.ISO_8859_1);
            case "bmp" -> TestImages.concat("BM".getBytes(StandardCharsets.ISO_8859_1), new byte[12], new byte[] {40, 0, 0, 0});
            case "tiff" -> new byte[] {'I', 'I', 42, 0};
            default -> "RIFF\0\0\0\0WEBP".getBytes(StandardCharsets.ISO_8859_1);
        };
        byte[] garbage = TestImages.concat(magic, "this is not image data at all, just text....".getBytes(StandardCharsets.US_ASCII));

        // when / then
        assertThatThrownBy(() -> decoder.decode(garbage)).isInstanceOf(InvalidImageException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>",
            "<html><body>hi</body></html>", "PK\u0003\u0004\u0014\u0000\u0000\u0000"})
    void refusesOtherContentAsUnsupported(String content) {
        assertThatThrownBy(() -> decoder.decode(content.getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(UnsupportedFormatException.class);
    }
}
