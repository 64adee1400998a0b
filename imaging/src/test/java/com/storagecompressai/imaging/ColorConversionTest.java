package com.storagecompressai.imaging;

import static com.storagecompressai.imaging.TestEncoders.fourComponentJpeg;
import static com.storagecompressai.imaging.TestEncoders.jpeg;
import static com.storagecompressai.imaging.TestEncoders.linearRgbProfile;
import static com.storagecompressai.imaging.TestImages.BLUE;
import static com.storagecompressai.imaging.TestImages.GREEN;
import static com.storagecompressai.imaging.TestImages.RED;
import static com.storagecompressai.imaging.TestImages.WHITE;
import static com.storagecompressai.imaging.TestImages.assertClose;
import static com.storagecompressai.imaging.TestImages.filledArray;
import static com.storagecompressai.imaging.TestImages.rgbAt;
import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.jpeg.ColorChannels;
import com.storagecompressai.jpeg.RasterImage;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** JPEG in all its colour models, CMYK TIFF and ICC-tagged images, all ending as sRGB. */
class ColorConversionTest {

    private final ImageDecoder decoder = new ImageDecoder(100_000_000L);

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void decodesBaselineAndProgressiveJpeg(boolean progressive) throws Exception {
        // given
        byte[] jpeg = jpeg(TestImages.quadrants(), progressive);

        // when
        RasterImage image = decoder.decode(jpeg);

        // then
        assertClose(rgbAt(image, 16, 8), RED, 12);
        assertClose(rgbAt(image, 48, 8), GREEN, 12);
        assertClose(rgbAt(image, 16, 24), BLUE, 12);
        assertClose(rgbAt(image, 48, 24), WHITE, 12);
    }

    @ParameterizedTest(name = "Adobe transform {0}")
    @CsvSource({
        // pure magenta + yellow ink (C=0 M=255 Y=255 K=0), stored inverted as Photoshop does: 255, 0, 0, 255
        "0, 255, 0, 0, 255",
        // the same ink as YCCK (libjpeg's cmyk_ycck_convert): R, G, B = 255 - stored C, M, Y = the ink
        // (0, 255, 255) in YCbCr is 179, 171, 1; K stays stored inverted
        "2, 179, 171, 1, 255",
    })
    void convertsCmykAndYcckJpegToSrgb(int transform, int c0, int c1, int c2, int c3) throws Exception {
        // given
        byte[] jpeg = fourComponentJpeg(transform, new int[] {c0, c1, c2, c3});

        // when
        RasterImage image = decoder.decode(jpeg);

        // then: red-ish, as any CMYK→sRGB conversion of 0/100/100/0 gives
        assertThat(image.channels()).isEqualTo(ColorChannels.RGB);
        int rgb = rgbAt(image, 8, 8);
        assertThat(rgb >> 16 & 0xFF).as("%06X", rgb).isGreaterThan(200);
        assertThat(rgb >> 8 & 0xFF).as("%06X", rgb).isLessThan(80);
        assertThat(rgb & 0xFF).as("%06X", rgb).isLessThan(80);
    }

    @Test
    void convertsCmykTiffToSrgb() throws Exception {
        // given: a CMYK TIFF (TwelveMonkeys' writer, generic CMYK profile) of pure cyan ink
        ColorSpace cmyk = com.twelvemonkeys.imageio.color.ColorSpaces.getColorSpace(
                com.twelvemonkeys.imageio.color.ColorSpaces.CS_GENERIC_CMYK);
        ComponentColorModel model = new ComponentColorModel(cmyk, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(8, 8);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                raster.setPixel(x, y, new int[] {255, 0, 0, 0});
            }
        }
        byte[] tiff = TestImages.write(new BufferedImage(model, raster, false, null), "tiff");

        // when
        RasterImage image = decoder.decode(tiff);

        // then: cyan-ish
        int rgb = rgbAt(image, 4, 4);
        assertThat(rgb >> 16 & 0xFF).isLessThan(100);
        assertThat(rgb >> 8 & 0xFF).isGreaterThan(120);
        assertThat(rgb & 0xFF).isGreaterThan(180);
    }

    @Test
    void decodesGreyJpegAsGray() throws Exception {
        // given
        BufferedImage gray = TestImages.filled(16, 16, BufferedImage.TYPE_BYTE_GRAY, 0x646464);
        gray.getRaster().setSamples(0, 0, 16, 16, 0, filledArray(256, 100));

        // when
        RasterImage image = decoder.decode(jpeg(gray, false));

        // then
        assertThat(image.channels()).isEqualTo(ColorChannels.GRAY);
        assertThat(image.samples()[0] & 0xFF).isBetween(98, 102);
    }

    @Test
    void convertsIccTaggedPngToSrgb() throws Exception {
        // given: samples of 128 tagged as linear RGB
        byte[] png = TestImages.write(TestImages.filled(4, 4, BufferedImage.TYPE_INT_RGB, 0x808080), "png");
        byte[] tagged = TestImages.pngWithIcc(png, linearRgbProfile());

        // when
        RasterImage image = decoder.decode(tagged);

        // then: linear 0.5 is sRGB ~188
        assertThat(image.channels()).isEqualTo(ColorChannels.GRAY);
        assertThat(image.samples()[0] & 0xFF).isBetween(184, 192);
    }

    @Test
    void convertsIccTaggedJpegToSrgb() throws Exception {
        // given
        byte[] jpeg = jpeg(TestImages.filled(16, 16, BufferedImage.TYPE_INT_RGB, 0x808080), false);
        byte[] tagged = TestImages.jpegWithIcc(jpeg, linearRgbProfile());

        // when
        int untagged = decoder.decode(jpeg).samples()[0] & 0xFF;
        int converted = decoder.decode(tagged).samples()[0] & 0xFF;

        // then
        assertThat(untagged).isBetween(125, 131);
        assertThat(converted).isBetween(182, 194);
    }
}
