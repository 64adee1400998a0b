package com.storagecompressai.jpeg.quant;

/**
 * T.81 Annex K.2/K.3 code lengths (≤ 16 bits, no all-ones code) and canonical codes, the figures followed step by
 * step (a linear scan for the least frequent trees): for the bench encoder, and the reference the encoder's own
 * {@code OptimalHuffman} is tested against.
 */
public final class HuffmanLengths {

    private HuffmanLengths() {
    }

    /** Code length per symbol 0..{@code symbols}−1 (0 = no code); at least one count must be nonzero. */
    public static int[] of(long[] counts, int symbols) {
        long[] freq = new long[257];
        for (int i = 0; i < symbols; i++) {
            freq[i] = counts[i];
        }
        freq[256] = 1;
        int[] codesize = new int[257];
        int[] others = new int[257];
        java.util.Arrays.fill(others, -1);
        while (true) {
            int c1 = -1;
            long v = Long.MAX_VALUE;
            for (int i = 0; i <= 256; i++) {
                if (freq[i] != 0 && freq[i] <= v) {
                    v = freq[i];
                    c1 = i;
                }
            }
            int c2 = -1;
            v = Long.MAX_VALUE;
            for (int i = 0; i <= 256; i++) {
                if (freq[i] != 0 && freq[i] <= v && i != c1) {
                    v = freq[i];
                    c2 = i;
                }
            }
            if (c2 < 0) {
                break;
            }
            freq[c1] += freq[c2];
            freq[c2] = 0;
            codesize[c1]++;
            while (others[c1] >= 0) {
                c1 = others[c1];
                codesize[c1]++;
            }
            others[c1] = c2;
            codesize[c2]++;
            while (others[c2] >= 0) {
                c2 = others[c2];
                codesize[c2]++;
            }
        }
        int[] bits = new int[33];
        for (int i = 0; i <= 256; i++) {
            if (codesize[i] > 0) {
                bits[codesize[i]]++;
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
        int i = 16;
        while (bits[i] == 0) {
            i--;
        }
        bits[i]--;
        // assign lengths by frequency order (as libjpeg does via sorted huffval)
        int[] lengths = new int[symbols];
        int[] order = new int[symbols];
        int n = 0;
        for (int size = 1; size <= 32; size++) {
            for (int s = 0; s < symbols; s++) {
                if (codesize[s] == size) {
                    order[n++] = s;
                }
            }
        }
        int k = 0;
        for (int l = 1; l <= 16; l++) {
            for (int c = 0; c < bits[l]; c++) {
                lengths[order[k++]] = l;
            }
        }
        return lengths;
    }

    /** Canonical codes: {codes[], lengths[]} indexed by symbol. */
    static int[][] codes(int[] lengths) {
        int[] codes = new int[lengths.length];
        int code = 0;
        for (int l = 1; l <= 16; l++) {
            for (int s = 0; s < lengths.length; s++) {
                if (lengths[s] == l) {
                    codes[s] = code++;
                }
            }
            code <<= 1;
        }
        return new int[][] {codes, lengths};
    }
}
