package com.storagecompressai.jpeg;

/**
 * AC successive-approximation refinement (T.81 G.1.2.3, after libjpeg {@code jcphuff.c encode_mcu_AC_refine}):
 * newly significant coefficients as run/size-1 symbols, correction bits of already significant ones buffered
 * until the next symbol, EOB runs flushed before the correction buffer gets too long.
 */
final class AcRefineCoder implements BlockCoder {

    private static final int MAX_EOBRUN = 0x7FFF;
    private static final int MAX_CORRECTION_BITS = 1000;

    private final SymbolSink sink;
    private final int slot;
    private final int ss;
    private final int se;
    private final int al;
    private final int[] position = new int[64];
    private final int[] absolute = new int[64];
    private final byte[] corrections = new byte[MAX_CORRECTION_BITS + 64];
    private final long band;
    /** Significance at Al per block in scan order, or null to compute it from the coefficients. */
    private final long[] significance;
    private int block;
    private int eobRun;
    private int pendingBits; // correction bits buffered for the EOB run (libjpeg BE)

    AcRefineCoder(SymbolSink sink, int slot, int ss, int se, int al, long[] significance) {
        this.band = SignificanceMasks.band(ss, se);
        this.significance = significance;
        this.sink = sink;
        this.slot = slot;
        this.ss = ss;
        this.se = se;
        this.al = al;
    }

    @Override
    public void code(short[] plane, int offset, int member) {
        // Blocks are sparse: find the coefficients that are nonzero at this bit position, then walk only those.
        long mask = significance != null ? significance[block++] & band
                : SignificanceMasks.ofBlock(plane, offset, ss, se, al);
        int n = 0;
        int eob = 0;
        for (long m = mask; m != 0; m &= m - 1) {
            int k = Long.numberOfTrailingZeros(m);
            int v = plane[offset + k];
            int t = (v < 0 ? -v : v) >> al;
            position[n] = k;
            absolute[n++] = v < 0 ? -t : t; // sign kept for the new-coefficient bit
            if (t == 1) {
                eob = k; // last newly significant coefficient
            }
        }
        int run = 0;
        int last = ss - 1;
        int blockStart = pendingBits; // this block's correction bits follow the EOB run's
        int blockBits = 0;
        for (int j = 0; j < n; j++) {
            int k = position[j];
            int signed = absolute[j];
            int t = signed < 0 ? -signed : signed;
            run += k - last - 1;
            last = k;
            while (run > 15 && k <= eob) {
                emitEobRun();
                sink.symbol(slot, 0xF0);
                run -= 16;
                emitCorrections(blockStart, blockBits);
                blockStart = 0;
                blockBits = 0;
            }
            if (t > 1) {
                corrections[blockStart + blockBits++] = (byte) (t & 1);
                continue;
            }
            emitEobRun();
            sink.symbol(slot, (run << 4) + 1);
            sink.bits(signed < 0 ? 0 : 1, 1);
            emitCorrections(blockStart, blockBits);
            blockStart = 0;
            blockBits = 0;
            run = 0;
        }
        run += se - last;
        if (run > 0 || blockBits > 0) {
            eobRun++;
            pendingBits = blockStart + blockBits;
            if (eobRun == MAX_EOBRUN || pendingBits > MAX_CORRECTION_BITS - 64 + 1) {
                emitEobRun();
            }
        } else {
            pendingBits = 0;
        }
    }

    private void emitEobRun() {
        if (eobRun > 0) {
            int nbits = BlockCoder.category(eobRun) - 1;
            sink.symbol(slot, nbits << 4);
            sink.bits(eobRun, nbits);
            eobRun = 0;
            emitCorrections(0, pendingBits);
            pendingBits = 0;
        }
    }

    /** Correction bits go out in groups of up to 16. */
    private void emitCorrections(int from, int count) {
        int end = from + count;
        for (int i = from; i < end; ) {
            int group = Math.min(16, end - i);
            int value = 0;
            for (int j = 0; j < group; j++) {
                value = (value << 1) | corrections[i++];
            }
            sink.bits(value, group);
        }
    }

    @Override
    public void endInterval() {
        emitEobRun();
    }
}
