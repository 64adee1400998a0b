package com.storagecompressai.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OptimalHuffmanTest {

    @Test
    void skewedCountsGiveCodesOfAtMostSixteenBitsThatSatisfyKraftWithoutAllOnes() {
        // given: Fibonacci-like counts force a very deep unconstrained tree
        long[] counts = new long[256];
        long a = 1;
        long b = 1;
        for (int s = 0; s < 40; s++) {
            counts[s] = a;
            long c = a + b;
            a = b;
            b = c;
        }
        // when
        HuffmanTable table = OptimalHuffman.build(counts);
        // then
        assertPrefixFreeLimited(table);
        int[] lengths = table.codeLengths();
        for (int s = 0; s < 40; s++) {
            assertThat(lengths[s]).as("symbol %d has a code", s).isBetween(1, 16);
        }
    }

    @Test
    void randomCountsGiveValidTablesAndFrequentSymbolsGetShorterCodes() {
        var rnd = new SplittableRandom(5);
        for (int trial = 0; trial < 50; trial++) {
            long[] counts = new long[256];
            int symbols = 1 + rnd.nextInt(256);
            for (int i = 0; i < symbols; i++) {
                counts[rnd.nextInt(256)] = 1 + (long) Math.pow(rnd.nextDouble(), 4) * 100_000;
            }
            HuffmanTable table = OptimalHuffman.build(counts);
            assertPrefixFreeLimited(table);
            int[] lengths = table.codeLengths();
            for (int x = 0; x < 256; x++) {
                assertThat(lengths[x] > 0).isEqualTo(counts[x] > 0);
                for (int y = 0; y < 256; y++) {
                    if (counts[x] > 0 && counts[y] > 0 && counts[x] > counts[y]) {
                        assertThat(lengths[x]).isLessThanOrEqualTo(lengths[y]);
                    }
                }
            }
        }
    }

    @Test
    void tablesAreTheOnesTheLiteralAnnexKProcedureBuildsAndCodedBitsPricesThem() {
        var rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 300; trial++) {
            // given: sparse, dense, skewed enough to need the 16-bit limit, single-symbol and empty histograms
            long[] counts = new long[256];
            boolean skewed = trial % 5 == 0;
            // (Fibonacci counts over more than ~32 symbols would need codes longer than Annex K's 32-bit bound)
            int symbols = trial % 50 == 0 ? 0 : trial % 7 == 0 ? 1 : 1 + rnd.nextInt(skewed ? 30 : 256);
            long[] fibonacci = {1, 1};
            for (int i = 0; i < symbols; i++) {
                if (skewed) {
                    counts[rnd.nextInt(256)] = fibonacci[0];
                    fibonacci = new long[] {fibonacci[1], fibonacci[0] + fibonacci[1]};
                } else {
                    counts[rnd.nextInt(256)] = 1 + (long) (Math.pow(rnd.nextDouble(), 4) * 100_000);
                }
            }

            // when
            HuffmanTable table = OptimalHuffman.build(counts);

            // then
            int[] expected = annexKLengths(counts);
            assertThat(table.codeLengths()).as("trial %d", trial).isEqualTo(expected);
            long bits = 8L * table.segmentBytes();
            for (int s = 0; s < 256; s++) {
                bits += counts[s] * expected[s];
            }
            assertThat(OptimalHuffman.codedBits(counts)).as("trial %d", trial).isEqualTo(bits);
        }
    }

    /** T.81 Figures K.1–K.4 step by step over all 257 symbols (256 = the reserved one), as libjpeg does. */
    private static int[] annexKLengths(long[] counts) {
        long[] freq = new long[257];
        System.arraycopy(counts, 0, freq, 0, 256);
        freq[256] = 1;
        if (java.util.Arrays.stream(counts).allMatch(c -> c == 0)) {
            freq[0] = 1;
        }
        int[] codeSize = new int[257];
        int[] others = new int[257];
        java.util.Arrays.fill(others, -1);
        while (true) {
            int c1 = -1;
            int c2 = -1;
            for (int i = 0; i <= 256; i++) { // the least frequent, ties to the highest symbol
                if (freq[i] != 0 && (c1 < 0 || freq[i] <= freq[c1])) {
                    c1 = i;
                }
            }
            for (int i = 0; i <= 256; i++) {
                if (freq[i] != 0 && i != c1 && (c2 < 0 || freq[i] <= freq[c2])) {
                    c2 = i;
                }
            }
            if (c2 < 0) {
                break;
            }
            freq[c1] += freq[c2];
            freq[c2] = 0;
            codeSize[c1]++;
            while (others[c1] >= 0) {
                c1 = others[c1];
                codeSize[c1]++;
            }
            others[c1] = c2;
            codeSize[c2]++;
            while (others[c2] >= 0) {
                c2 = others[c2];
                codeSize[c2]++;
            }
        }
        int[] bits = new int[33];
        for (int size : codeSize) {
            if (size > 0) {
                bits[size]++;
            }
        }
        for (int i = 32; i > 16; i--) {
            while (bits[i] > 0) {
                int j = i - 2;
                while (bits[j] == 0) {
                    j--;
                }
                bits[i] -= 2;
                bits[i - 1]++;
                bits[j + 1] += 2;
                bits[j]--;
            }
        }
        int longest = 16;
        while (bits[longest] == 0) {
            longest--;
        }
        bits[longest]--;
        int[] lengths = new int[256];
        int length = 1;
        int left = bits[1];
        for (int size = 1; size <= 32; size++) {
            for (int s = 0; s < 256; s++) {
                if (codeSize[s] == size) {
                    while (left == 0) {
                        left = bits[++length];
                    }
                    lengths[s] = length;
                    left--;
                }
            }
        }
        return lengths;
    }

    @Test
    void singleSymbolGetsOneBitCode() {
        long[] counts = new long[256];
        counts[0x11] = 1000;
        HuffmanTable table = OptimalHuffman.build(counts);
        assertThat(table.codeLengths()[0x11]).isEqualTo(1);
        assertThat(table.codes().code()[0x11]).isEqualTo(0);
    }

    /** Kraft sum < 1 strictly (the all-ones code stays unused) and every length in 1..16. */
    static void assertPrefixFreeLimited(HuffmanTable table) {
        double kraft = 0;
        for (int l = 1; l <= 16; l++) {
            kraft += table.counts()[l] * Math.pow(2, -l);
        }
        assertThat(kraft).isLessThan(1.0);
        HuffmanCodes codes = table.codes();
        for (int v : table.values()) {
            int n = codes.length()[v];
            assertThat(n).isBetween(1, 16);
            assertThat(codes.code()[v]).isNotEqualTo((1 << n) - 1);
        }
    }
}
