package com.storagecompressai.jpeg.quant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuantTablesTest {

    @Test
    void forQualityGivesEightBitEntriesAtEveryQuality() {
        for (int q = 1; q <= 100; q++) {
            QuantTables t = QuantTables.forQuality(q);
            assertThat(java.util.Arrays.stream(t.luma())).allMatch(v -> v >= 1 && v <= 255);
            assertThat(java.util.Arrays.stream(t.chroma())).allMatch(v -> v >= 1 && v <= 255);
        }
    }

    @Test
    void forQualityNeverCoarsensAsQualityRises() {
        for (int q = 2; q <= 100; q++) {
            int[] lower = QuantTables.forQuality(q - 1).luma();
            int[] higher = QuantTables.forQuality(q).luma();
            for (int k = 0; k < 64; k++) {
                assertThat(higher[k]).as("entry %d at q%d", k, q).isLessThanOrEqualTo(lower[k]);
            }
            int[] lowerC = QuantTables.forQuality(q - 1).chroma();
            int[] higherC = QuantTables.forQuality(q).chroma();
            for (int k = 0; k < 64; k++) {
                assertThat(higherC[k]).as("chroma entry %d at q%d", k, q).isLessThanOrEqualTo(lowerC[k]);
            }
        }
    }

    @Test
    void scaledAtFiftyIsTheBaseTableClampedToEightBits() {
        int[] table = QuantTables.scaled(QuantTables.ROBIDOUX, 50);

        for (int k = 0; k < 64; k++) {
            assertThat(table[k]).isEqualTo(Math.min(255, QuantTables.ROBIDOUX[k]));
        }
    }

    @Test
    void scaledAtSeventyFiveMatchesMozjpeg() {
        int[] table = QuantTables.scaled(QuantTables.ROBIDOUX, 75);

        assertThat(table).startsWith(8, 8, 8, 9, 13, 19, 28, 43);
        assertThat(table[63]).isEqualTo(209);
    }

    @Test
    void mozjpegAtSeventyFiveIsTheScaledRobidouxTable() {
        assertThat(QuantTables.mozjpeg(75).luma()).isEqualTo(QuantTables.scaled(QuantTables.ROBIDOUX, 75));
    }

    @Test
    void forQualityAtHundredIsNearlyLossless() {
        assertThat(java.util.Arrays.stream(QuantTables.forQuality(100).luma()).max().getAsInt()).isLessThanOrEqualTo(2);
    }

    @Test
    void forQualityKeepsChromaCoarserThanLumaOnAverageForFourFourFour() {
        for (int q : new int[] {50, 80, 95}) {
            QuantTables t420 = QuantTables.forQuality(q, com.storagecompressai.jpeg.ChromaSubsampling.S420);
            QuantTables t444 = QuantTables.forQuality(q, com.storagecompressai.jpeg.ChromaSubsampling.S444);
            assertThat(t444.luma()).isEqualTo(t420.luma());
            assertThat(java.util.Arrays.stream(t444.chroma()).sum()).isGreaterThan(java.util.Arrays.stream(t420.chroma()).sum());
        }
    }

    @Test
    void distanceFallsAsQualityRises() {
        for (int q = 2; q <= 100; q++) {
            assertThat(QuantTables.distance(q)).isLessThan(QuantTables.distance(q - 1));
        }
    }
}
