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
        if (isEmpty(counts)) {
            freq[0] = 1; // a table must hold at least one real code
        }
        int[] codeSize = new int[257];
        int[] others = new int[257];
        java.util.Arrays.fill(others, -1);

        // Figure K.1: repeatedly merge the two least frequent trees. The figure scans all symbols for the least
        // frequent, ties going to the highest symbol; a heap ordered the same way picks the very same pairs.
        var heap = new SymbolHeap(freq);
        while (heap.size() > 1) {
            int c1 = heap.pop();
            int c2 = heap.pop();
            freq[c1] += freq[c2];
            freq[c2] = 0;
            heap.push(c1);
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
        // By code size, then symbol: a counting sort over the sizes.
        int[] firstOfSize = new int[MAX_LENGTH + 2];
        for (int s = 0; s < 256; s++) {
            if (codeSize[s] > 0) {
                firstOfSize[codeSize[s] + 1]++;
            }
        }
        for (int size = 1; size <= MAX_LENGTH + 1; size++) {
            firstOfSize[size] += firstOfSize[size - 1];
        }
        int[] values = new int[total];
        for (int s = 0; s < 256; s++) {
            if (codeSize[s] > 0) {
                values[firstOfSize[codeSize[s]]++] = s;
            }
        }
        return new HuffmanTable(counts16, values);
    }

    /** Whether all 256 counts are 0: such a histogram needs no table. */
    static boolean isEmpty(long[] counts) {
        for (int s = 0; s < 256; s++) {
            if (counts[s] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The live symbols, least frequent first and, among equals, the highest symbol first. */
    private static final class SymbolHeap {

        private final long[] freq;
        private final int[] items = new int[257];
        private int size;

        SymbolHeap(long[] freq) {
            this.freq = freq;
            for (int i = 0; i < freq.length; i++) {
                if (freq[i] != 0) {
                    push(i);
                }
            }
        }

        int size() {
            return size;
        }

        void push(int symbol) {
            int at = size++;
            while (at > 0 && before(symbol, items[(at - 1) / 2])) {
                items[at] = items[(at - 1) / 2];
                at = (at - 1) / 2;
            }
            items[at] = symbol;
        }

        int pop() {
            int top = items[0];
            int last = items[--size];
            int at = 0;
            while (true) {
                int child = 2 * at + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && before(items[child + 1], items[child])) {
                    child++;
                }
                if (!before(items[child], last)) {
                    break;
                }
                items[at] = items[child];
                at = child;
            }
            items[at] = last;
            return top;
        }

        private boolean before(int a, int b) {
            return freq[a] < freq[b] || freq[a] == freq[b] && a > b;
        }
    }
}
