package com.storagecompressai.jpeg.quant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AqFieldTest {

    @Test
    void computeIsBoundedAndHigherInBusyAreasThanFlatOnes() {
        // given: left half flat grey, right half noise
        int w = 64;
        int h = 32;
        float[] y = new float[w * h];
        Random random = new Random(1);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                y[r * w + c] = c < w / 2 ? 120 : random.nextInt(256);
            }
        }

        // when
        AqField field = AqField.compute(y, w, h, w);

        // then
        assertThat(field.blocksWide()).isEqualTo(8);
        assertThat(field.blocksHigh()).isEqualTo(4);
        for (float s : field.strength()) {
            assertThat(s).isBetween(0f, AqField.MAX_STRENGTH);
        }
        float flat = field.strength()[1 * 8 + 1];
        float busy = field.strength()[1 * 8 + 6];
        assertThat(busy).isGreaterThan(flat);
    }

    @Test
    void computeHandlesSizesThatAreNotMultiplesOfEight() {
        float[] y = new float[13 * 5];
        java.util.Arrays.fill(y, 30);

        AqField field = AqField.compute(y, 13, 5, 13);

        assertThat(field.blocksWide()).isEqualTo(2);
        assertThat(field.blocksHigh()).isEqualTo(1);
        assertThat(field.strength()).hasSize(2);
    }

    @Test
    void forComponentAveragesTheLumaBlocksAChromaBlockCovers() {
        AqField field = new AqField(2, 2, new float[] {0f, 0.2f, 0.4f, 0.6f});

        float[] chroma = field.forComponent(1, 1, 2, 2);

        assertThat(chroma[0]).isCloseTo(0.3f, org.assertj.core.data.Offset.offset(1e-6f));
    }
}
