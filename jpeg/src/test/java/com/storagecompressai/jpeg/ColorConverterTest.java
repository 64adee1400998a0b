package com.storagecompressai.jpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class ColorConverterTest {

    private static float[] convert(int r, int g, int b) {
        float[] y = new float[1];
        float[] cb = new float[1];
        float[] cr = new float[1];
        ColorConverter.rgbRow(new byte[] {(byte) r, (byte) g, (byte) b}, 0, 1, y, cb, cr, 0);
        return new float[] {y[0] + 128, cb[0] + 128, cr[0] + 128};
    }

    @Test
    void greysHaveNeutralChromaAndExactLuma() {
        for (int v : new int[] {0, 1, 128, 254, 255}) {
            float[] ycc = convert(v, v, v);
            assertThat(ycc[0]).isCloseTo(v, offset(1e-3f));
            assertThat(ycc[1]).isCloseTo(128f, offset(1e-3f));
            assertThat(ycc[2]).isCloseTo(128f, offset(1e-3f));
        }
    }

    @Test
    void primariesFollowJfifBt601FullRange() {
        float[] red = convert(255, 0, 0);
        assertThat(red[0]).isCloseTo(76.245f, offset(1e-2f));
        assertThat(red[1]).isCloseTo(84.97f, offset(1e-2f));
        assertThat(red[2]).isCloseTo(255.5f, offset(1e-2f));
        float[] blue = convert(0, 0, 255);
        assertThat(blue[0]).isCloseTo(29.07f, offset(1e-2f));
        assertThat(blue[1]).isCloseTo(255.5f, offset(1e-2f));
    }

    @Test
    void boxDownsamplingAveragesEachCell() {
        float[] src = {1, 3, 5, 7,
                       1, 3, 5, 7};
        float[] dst = new float[2];
        Downsampler.box(src, 4, 2, 2, 2, dst);
        assertThat(dst).containsExactly(2f, 6f);
    }
}
