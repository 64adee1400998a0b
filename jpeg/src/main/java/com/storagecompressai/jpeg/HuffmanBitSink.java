package com.storagecompressai.jpeg;

/** Writes Huffman codes and raw bits through a {@link BitOutput}. */
final class HuffmanBitSink implements SymbolSink {

    private final BitOutput writer;
    private final int[][] codes = new int[8][];
    private final int[][] lengths = new int[8][];

    HuffmanBitSink(BitOutput writer, HuffmanCodes[] slots) {
        this.writer = writer;
        for (int i = 0; i < 8; i++) {
            if (slots[i] != null) {
                codes[i] = slots[i].code();
                lengths[i] = slots[i].length();
            }
        }
    }

    @Override
    public void symbol(int slot, int symbol) {
        int n = lengths[slot][symbol];
        if (n == 0) {
            throw new IllegalStateException("no Huffman code for symbol " + symbol + " in slot " + slot);
        }
        writer.write(codes[slot][symbol], n);
    }

    @Override
    public void bits(int value, int n) {
        if (n > 0) {
            writer.write(value, n);
        }
    }

    @Override
    public void restart(int m) {
        writer.restart(m);
    }

    @Override
    public void finish() {
        writer.flush();
    }
}
