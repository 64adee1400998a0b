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
        Code code = code(counts);
        int[] values = new int[code.symbols().length];
        for (int k = 0; k < values.length; k++) {
            values[k] = code.symbols()[code.order()[k]];
        }
        return new HuffmanTable(code.codesOfLength(), values);
    }

    /**
     * The bits that the symbols take when coded with {@link #build}'s table, and that table's DHT bytes: what a
     * scan search prices, without building the table.
     */
    static long codedBits(long[] counts) {
        Code code = code(counts);
        long bits = 8L * (17 + code.symbols().length);
        int k = 0;
        for (int length = 1; length <= 16; length++) {
            for (int i = 0; i < code.codesOfLength()[length]; i++, k++) {
                bits += counts[code.symbols()[code.order()[k]]] * length;
            }
        }
        return bits;
    }

    /**
     * The table in brief: the coded symbols in increasing order, the order in which they take codes (by
     * index into {@code symbols}) and how many codes each length has.
     */
    private record Code(int[] symbols, int[] order, int[] codesOfLength) {
    }

    /** Annex K on the used symbols only (most histograms use a few dozen of the 256), indexed 0..m−1. */
    private static Code code(long[] counts) {
        int[] symbols = usedSymbols(counts);
        int m = symbols.length;
        long[] freq = new long[m + 1];
        for (int i = 0; i < m; i++) {
            freq[i] = counts[symbols[i]] == 0 ? 1 : counts[symbols[i]]; // the empty table's lone symbol
        }
        freq[m] = 1; // the pseudo-symbol, above every real one as 256 is
        int[] codeSize = new int[m + 1];
        int[] others = new int[m + 1];
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
        for (int i = 0; i <= m; i++) {
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

        // Figure K.4: symbols take codes by code size, then symbol: a counting sort over the sizes.
        int[] firstOfSize = new int[MAX_LENGTH + 2];
        for (int i = 0; i < m; i++) {
            firstOfSize[codeSize[i] + 1]++;
        }
        for (int size = 1; size <= MAX_LENGTH + 1; size++) {
            firstOfSize[size] += firstOfSize[size - 1];
        }
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[firstOfSize[codeSize[i]]++] = i;
        }
        return new Code(symbols, order, java.util.Arrays.copyOf(bits, 17));
    }

    /** The symbols with a nonzero count in increasing order; symbol 0 alone when there is none. */
    private static int[] usedSymbols(long[] counts) {
        int m = 0;
        for (int s = 0; s < 256; s++) {
            if (counts[s] != 0) {
                m++;
            }
        }
        if (m == 0) {
            return new int[] {0}; // a table must hold at least one real code
        }
        int[] symbols = new int[m];
        int k = 0;
        for (int s = 0; s < 256; s++) {
            if (counts[s] != 0) {
                symbols[k++] = s;
            }
        }
        return symbols;
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
        private final int[] items;
        private int size;

        SymbolHeap(long[] freq) {
            this.freq = freq;
            this.items = new int[freq.length];
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
