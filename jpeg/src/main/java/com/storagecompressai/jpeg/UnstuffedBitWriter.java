package com.storagecompressai.jpeg;

/**
 * Packs one stripe of a sequential scan's bits, without byte stuffing, starting {@code leadingBits} (0..7) bits
 * into its first byte so that stripes can later be ORed together at byte granularity (brief §4.5). The last
 * byte is padded with zeros, to be ORed with the next stripe's first byte.
 */
final class UnstuffedBitWriter implements BitOutput {

    private final ByteSink out;
    private long acc;
    private int bits;

    UnstuffedBitWriter(ByteSink out, int leadingBits) {
        this.out = out;
        this.bits = leadingBits;
    }

    @Override
    public void write(int value, int n) {
        acc = (acc << n) | (value & ((1L << n) - 1));
        bits += n;
        if (bits >= 32) {
            bits -= 32;
            out.writeInt((int) (acc >>> bits));
        }
    }

    @Override
    public void flush() {
        int pad = (8 - (bits & 7)) & 7;
        acc <<= pad;
        bits += pad;
        while (bits >= 8) {
            bits -= 8;
            out.write((int) (acc >>> bits) & 0xFF);
        }
        acc = 0;
    }

    @Override
    public void restart(int m) {
        throw new UnsupportedOperationException("stripes of a scan with restart markers are written serially");
    }
}
