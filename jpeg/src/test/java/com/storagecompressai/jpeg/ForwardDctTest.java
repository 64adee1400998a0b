package com.storagecompressai.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ForwardDctTest {

    /** T.81 A.3.3 FDCT, straight from the formula, in double. */
    static double[] reference(float[] block) {
        double[] out = new double[64];
        for (int v = 0; v < 8; v++) {
            for (int u = 0; u < 8; u++) {
                double sum = 0;
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        sum += block[y * 8 + x] * Math.cos((2 * x + 1) * u * Math.PI / 16)
                                * Math.cos((2 * y + 1) * v * Math.PI / 16);
                    }
                }
                double cu = u == 0 ? 1 / Math.sqrt(2) : 1;
                double cv = v == 0 ? 1 / Math.sqrt(2) : 1;
                out[v * 8 + u] = 0.25 * cu * cv * sum;
            }
        }
        return out;
    }

    @Test
    void matchesTheT81FormulaWithinFloatPrecision() {
        var rnd = new SplittableRandom(1);
        for (int trial = 0; trial < 200; trial++) {
            // given
            float[] block = new float[64];
            for (int i = 0; i < 64; i++) {
                block[i] = rnd.nextInt(256) - 128;
            }
            double[] expected = reference(block);
            // when
            ForwardDct.transform(block, 0);
            // then
            for (int i = 0; i < 64; i++) {
                assertThat((double) block[i]).as("coefficient %d", i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(2e-3));
            }
        }
    }

    @Test
    void flatBlockHasOnlyDcOfEightTimesTheLevel() {
        float[] block = new float[64];
        java.util.Arrays.fill(block, 127f);
        ForwardDct.transform(block, 0);
        assertThat(block[0]).isCloseTo(1016f, org.assertj.core.data.Offset.offset(1e-3f));
        for (int i = 1; i < 64; i++) {
            assertThat(Math.abs(block[i])).isLessThan(1e-3f);
        }
    }
}
