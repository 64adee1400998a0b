package com.storagecompressai.jpeg;

/**
 * Builds the Huffman table that is optimal for given symbol counts, limited to 16-bit codes, following
 * T.81 Annex K.2 (Figures K.1–K.3, as in libjpeg {@code jpeg_gen_optimal_table}). A pseudo-symbol 256 with
 * count 1 is included so that no real symbol gets the all-ones code.
 */
final class OptimalHuffman {

    private static final int MAX_LENGTH = 32;

    private OptimalHuffman() {
    }

    /** @param counts 256 symbol counts (not modified); symbols with count 0 get no code */
    static HuffmanTable build(long[] counts) {
        long[] freq = new long[257];
        System.arraycopy(counts, 0, freq, 0, 256);
        freq[256] = 1;
        if (java.util.Arrays.stream(counts, 0, 256).allMatch(c -> c == 0)) {
            freq[0] = 1; // a table must hold at least one real code
        }
        int[] codeSize = new int[257];
        int[] others = new int[257];
        java.util.Arrays.fill(others, -1);

        // Figure K.1: repeatedly merge the two least frequent trees. Only symbols that occur take part, in
        // symbol order, so ties break as in the figure.
        int[] live = new int[257];
        int liveCount = 0;
        for (int i = 0; i <= 256; i++) {
            if (freq[i] != 0) {
                live[liveCount++] = i;
            }
        }
        while (true) {
            int c1 = -1;
            long v = Long.MAX_VALUE;
            for (int n = 0; n < liveCount; n++) {
                int i = live[n];
                if (freq[i] != 0 && freq[i] <= v) {
                    v = freq[i];
                    c1 = i;
                }
            }
            int c2 = -1;
            v = Long.MAX_VALUE;
            for (int n = 0; n < liveCount; n++) {
                int i = live[n];
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

        // Figure K.2: count codes of each size.
        int[] bits = new int[MAX_LENGTH + 1];
        for (int i = 0; i <= 256; i++) {
            if (codeSize[i] > 0) {
                bits[codeSize[i]]++;
            }
        }
        // Figure K.3: move codes longer than 16 bits up the tree.
        for (int i = MAX_LENGTH; i > 16; i--) {
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
        // Drop the pseudo-symbol: it holds one of the longest codes.
        int longest = 16;
        while (bits[longest] == 0) {
            longest--;
        }
        bits[longest]--;

        // Figure K.4: list symbols by code size.
        int total = 0;
        int[] counts16 = new int[17];
        for (int l = 1; l <= 16; l++) {
            counts16[l] = bits[l];
            total += bits[l];
        }
        int[] values = new int[total];
        int p = 0;
        for (int size = 1; size <= MAX_LENGTH && p < total; size++) {
            for (int s = 0; s < 256; s++) {
                if (codeSize[s] == size) {
                    values[p++] = s;
                }
            }
        }
        return new HuffmanTable(counts16, values);
    }
}
