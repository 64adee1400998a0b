package com.storagecompressai.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class EmbeddedExifTest {

    @Test
    void findsTheExifOfAJpegAndOfAPng() throws Exception {
        // given
        byte[] tiff = TestImages.exifWithOrientation(6);
        byte[] jpeg = TestImages.jpegWithExif(TestEncoders.jpeg(TestImages.quadrants(), false), tiff);
        byte[] png = TestImages.pngWithChunk(TestImages.write(TestImages.quadrants(), "png"), "eXIf", tiff);

        // when / then
        assertThat(EmbeddedExif.of(jpeg)).contains(tiff);
        assertThat(EmbeddedExif.of(png)).contains(tiff);
    }

    @Test
    void isEmptyWithoutExifOrForOtherData() {
        byte[] plain = TestImages.write(TestImages.filled(4, 4, BufferedImage.TYPE_INT_RGB, 0x808080), "png");

        assertThat(EmbeddedExif.of(plain)).isEmpty();
        assertThat(EmbeddedExif.of(new byte[] {1, 2, 3})).isEmpty();
    }
}
