package com.storagecompressai.imaging;

import static com.storagecompressai.imaging.TestEncoders.jpeg;
import static com.storagecompressai.imaging.TestImages.BLUE;
import static com.storagecompressai.imaging.TestImages.GREEN;
import static com.storagecompressai.imaging.TestImages.RED;
import static com.storagecompressai.imaging.TestImages.WHITE;
import static com.storagecompressai.imaging.TestImages.assertClose;
import static com.storagecompressai.imaging.TestImages.rgbAt;
import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.jpeg.RasterImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The EXIF orientation read from JPEG APP1 and PNG eXIf and applied to the pixels. */
class ExifOrientationTest {

    private final ImageDecoder decoder = new ImageDecoder(100_000_000L);

    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({
        // tag, upright width, colour at upright top-left, top-right, bottom-left
        "1, 64, " + RED + ", " + GREEN + ", " + BLUE,
        "2, 64, " + GREEN + ", " + RED + ", " + WHITE,
        "3, 64, " + WHITE + ", " + BLUE + ", " + GREEN,
        "4, 64, " + BLUE + ", " + WHITE + ", " + RED,
        "5, 32, " + RED + ", " + BLUE + ", " + GREEN,
        "6, 32, " + BLUE + ", " + RED + ", " + WHITE,
        "7, 32, " + WHITE + ", " + GREEN + ", " + BLUE,
        "8, 32, " + GREEN + ", " + WHITE + ", " + RED,
    })
    void appliesJpegExifOrientation(int tag, int width, int topLeft, int topRight, int bottomLeft) throws Exception {
        // given
        byte[] jpeg = TestImages.jpegWithExif(jpeg(TestImages.quadrants(), false), TestImages.exifWithOrientation(tag));

        // when
        RasterImage image = decoder.decode(jpeg);

        // then
        int height = 64 * 32 / width;
        assertThat(image.width()).isEqualTo(width);
        assertClose(rgbAt(image, 4, 4), topLeft, 16);
        assertClose(rgbAt(image, width - 5, 4), topRight, 16);
        assertClose(rgbAt(image, 4, height - 5), bottomLeft, 16);
    }

    @Test
    void appliesPngExifOrientation() throws Exception {
        // given: rotate 90° clockwise
        byte[] png = TestImages.pngWithChunk(TestImages.write(TestImages.quadrants(), "png"), "eXIf",
                TestImages.exifWithOrientation(6));

        // when
        RasterImage image = decoder.decode(png);

        // then
        assertThat(image.width()).isEqualTo(32);
        assertThat(image.height()).isEqualTo(64);
        assertThat(rgbAt(image, 0, 0)).isEqualTo(BLUE);
        assertThat(rgbAt(image, 31, 0)).isEqualTo(RED);
        assertThat(rgbAt(image, 31, 63)).isEqualTo(GREEN);
    }
}
