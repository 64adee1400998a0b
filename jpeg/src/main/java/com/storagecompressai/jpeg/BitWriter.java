package com.storagecompressai.jpeg;

/**
 * Packs entropy-coded bits MSB first into a {@link ByteSink}, inserting a 0x00 after every 0xFF byte
 * (T.81 B.1.1.5), including a 0xFF produced by the final 1-bit padding.
 */
final class BitWriter implements BitOutput {

    private final ByteSink out;
    private long acc;
    private int bits;

    BitWriter(ByteSink out) {
        this.out = out;
    }

    /** Writes the low {@code n} bits of {@code value} (0 <= n <= 31). */
    @Override
    public void write(int value, int n) {
        acc = (acc << n) | (value & ((1L << n) - 1));
        bits += n;
        if (bits >= 32) {
            bits -= 32;
            emitWord((int) (acc >>> bits));
        }
    }

    /** Four bytes at once unless one of them is 0xFF and needs stuffing. */
    private void emitWord(int word) {
        int inverted = ~word;
        if (((inverted - 0x01010101) & ~inverted & 0x80808080) == 0) {
            out.writeInt(word);
        } else {
            for (int shift = 24; shift >= 0; shift -= 8) {
                int b = (word >>> shift) & 0xFF;
                out.write(b);
                if (b == 0xFF) {
                    out.write(0);
                }
            }
        }
    }

    /** Pads the last byte with 1-bits (T.81 F.1.2.3) and writes all pending bytes. */
    @Override
    public void flush() {
        int pad = (8 - (bits & 7)) & 7;
        if (pad > 0) {
            write(0x7F, pad);
        }
        while (bits >= 8) {
            bits -= 8;
            int b = (int) (acc >>> bits) & 0xFF;
            out.write(b);
            if (b == 0xFF) {
                out.write(0);
            }
        }
        acc = 0;
    }

    /** Flushes, then writes RSTm (T.81 B.2.1, F.1.2.3); marker bytes are not stuffed. */
    @Override
    public void restart(int m) {
        flush();
        out.write(0xFF);
        out.write(0xD0 + (m & 7));
    }
}
