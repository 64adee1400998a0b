package com.storagecompressai.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storagecompressai.jpeg.ColorChannels;
import com.storagecompressai.jpeg.RasterImage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PnmReaderTest {

    @Test
    void readsPpmWithCommentsInTheHeader() {
        // given
        byte[] ppm = file("P6\n# made by a test\n2 1\n255\n", 255, 0, 0, 1, 2, 3);

        // when
        RasterImage image = PnmReader.read(ppm);

        // then
        assertThat(image.width()).isEqualTo(2);
        assertThat(image.height()).isEqualTo(1);
        assertThat(image.channels()).isEqualTo(ColorChannels.RGB);
        assertThat(image.samples()).containsExactly((byte) 255, 0, 0, 1, 2, 3);
    }

    @Test
    void readsPgmAsGray() {
        RasterImage image = PnmReader.read(file("P5 3 1 255\n", 0, 128, 255));

        assertThat(image.channels()).isEqualTo(ColorChannels.GRAY);
        assertThat(image.samples()).containsExactly(0, (byte) 128, (byte) 255);
    }

    @Test
    void scalesSixteenBitAndSmallMaxvalSamplesToEightBits() {
        assertThat(PnmReader.read(file("P5 2 1 65535\n", 0xFF, 0xFF, 0x80, 0x80)).samples())
                .containsExactly((byte) 255, (byte) 128);
        assertThat(PnmReader.read(file("P5 2 1 15\n", 15, 5)).samples()).containsExactly((byte) 255, (byte) 85);
    }

    @Test
    void refusesTruncatedPixelData() {
        assertThatThrownBy(() -> PnmReader.read(file("P6 2 2 255\n", 1, 2, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
    }

    @Test
    void refusesAsciiNetpbmAndMissingFields() {
        assertThat(PnmReader.isPnm("P3 1 1 255\n0 0 0".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThatThrownBy(() -> PnmReader.read(file("P6 2\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("height");
    }

    private static byte[] file(String header, int... samples) {
        byte[] head = header.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + samples.length];
        System.arraycopy(head, 0, out, 0, head.length);
        for (int i = 0; i < samples.length; i++) {
            out[head.length + i] = (byte) samples[i];
        }
        return out;
    }
}
