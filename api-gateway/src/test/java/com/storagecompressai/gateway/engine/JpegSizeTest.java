package com.storagecompressai.gateway.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class JpegSizeTest {

    @Test
    void readsWidthAndHeightFromTheFrameHeader() throws IOException {
        // given
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(37, 21, BufferedImage.TYPE_INT_RGB), "jpeg", jpeg);
        // when / then
        assertThat(JpegSize.of(jpeg.toByteArray())).contains(new JpegSize(37, 21));
    }

    @Test
    void findsNothingInBytesThatAreNotAJpeg() {
        assertThat(JpegSize.of("hello".getBytes())).isEmpty();
        assertThat(JpegSize.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})).isEmpty();
    }
}
