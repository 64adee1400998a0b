package com.storagecompressai.jpeg;

/** Counts symbols per table slot and raw bits, for optimal Huffman tables and exact scan sizes. */
final class SymbolCounter implements SymbolSink {

    final long[][] counts = new long[8][256];
    long rawBits;
    long restarts;

    @Override
    public void symbol(int slot, int symbol) {
        counts[slot][symbol]++;
    }

    @Override
    public void bits(int value, int n) {
        rawBits += n;
    }

    @Override
    public void restart(int m) {
        restarts++;
    }

    @Override
    public void finish() {
    }

    boolean used(int slot) {
        return !OptimalHuffman.isEmpty(counts[slot]);
    }

    /** Entropy-coded bits with the given code lengths per slot (null = slot unused). */
    long bitsWith(int[][] lengths) {
        long total = rawBits;
        for (int slot = 0; slot < 8; slot++) {
            if (lengths[slot] == null) {
                continue;
            }
            long[] c = counts[slot];
            int[] l = lengths[slot];
            for (int s = 0; s < 256; s++) {
                total += c[s] * l[s];
            }
        }
        return total;
    }
}
