package com.storagecompressai.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.jpeg.quant.HuffmanLengths;
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

            // then: an empty histogram's table holds symbol 0 alone, as if it had been counted once
            long[] reference = counts.clone();
            if (symbols == 0) {
                reference[0] = 1;
            }
            int[] expected = HuffmanLengths.of(reference, 256);
            assertThat(table.codeLengths()).as("trial %d", trial).isEqualTo(expected);
            long bits = 8L * table.segmentBytes();
            for (int s = 0; s < 256; s++) {
                bits += counts[s] * expected[s];
            }
            assertThat(OptimalHuffman.codedBits(counts)).as("trial %d", trial).isEqualTo(bits);
        }
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
