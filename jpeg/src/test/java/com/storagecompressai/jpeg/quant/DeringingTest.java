package com.storagecompressai.jpeg.quant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DeringingTest {

    @Test
    void applyKeepsEverySampleAsADecoderClipsIt() {
        Random random = new Random(7);
        for (int trial = 0; trial < 500; trial++) {
            // given: dark text on white, some samples at 255
            float[] block = new float[64];
            for (int i = 0; i < 64; i++) {
                block[i] = random.nextInt(3) == 0 ? random.nextInt(256) : 255;
            }
            float[] before = block.clone();

            // when
            Deringing.apply(block, 1 + random.nextInt(40));

            // then: white stays at or above white, everything else is untouched
            for (int i = 0; i < 64; i++) {
                if (before[i] >= 255) {
                    assertThat(block[i]).isGreaterThanOrEqualTo(255f).isLessThanOrEqualTo(255f + 31f);
                } else {
                    assertThat(block[i]).isEqualTo(before[i]);
                }
            }
        }
    }

    @Test
    void applyOvershootsWhiteNextToAnEdge() {
        float[] block = new float[64];
        for (int i = 0; i < 64; i++) {
            block[i] = (i % 8) < 4 ? 0 : 255;
        }

        Deringing.apply(block, 16);

        float max = 0;
        for (float v : block) {
            max = Math.max(max, v);
        }
        assertThat(max).isGreaterThan(255f);
    }

    @Test
    void applyLeavesBlocksWithoutWhiteOrAllWhiteAlone() {
        float[] grey = new float[64];
        java.util.Arrays.fill(grey, 200);
        float[] white = new float[64];
        java.util.Arrays.fill(white, 255);

        Deringing.apply(grey, 8);
        Deringing.apply(white, 8);

        assertThat(grey).containsOnly(200f);
        assertThat(white).containsOnly(255f);
    }

    @Test
    void applyKeepsTheDcWithinTheLegalRange() {
        // given: one dark sample, the rest white, coarse DC quantizer
        float[] block = new float[64];
        java.util.Arrays.fill(block, 255);
        block[27] = 0;

        Deringing.apply(block, 0, 255);

        double sum = 0;
        for (float v : block) {
            sum += v - 128;
        }
        // orthonormal DC = sum / 8 must quantize to at most 2047 even with Q = 1
        assertThat(sum / 8).isLessThanOrEqualTo(2047);
    }
}
