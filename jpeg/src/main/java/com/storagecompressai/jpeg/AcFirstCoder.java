package com.storagecompressai.jpeg;

/** First AC scan of a spectral band (T.81 G.1.2.2): run/size symbols of point-transformed values and EOB runs. */
final class AcFirstCoder implements BlockCoder {

    private static final int MAX_EOBRUN = 0x7FFF;

    private final SymbolSink sink;
    private final int slot;
    private final int ss;
    private final int se;
    private final int al;
    private final long band;
    /** Significance at Al per block in scan order, or null to compute it from the coefficients. */
    private final long[] significance;
    private int block;
    private int eobRun;

    AcFirstCoder(SymbolSink sink, int slot, int ss, int se, int al, long[] significance) {
        this.sink = sink;
        this.slot = slot;
        this.ss = ss;
        this.se = se;
        this.al = al;
        this.band = SignificanceMasks.band(ss, se);
        this.significance = significance;
    }

    @Override
    public void code(short[] plane, int offset, int member) {
        // Blocks are sparse: mark the coefficients that survive the point transform, then walk only those.
        long mask = significance != null ? significance[block++] & band
                : SignificanceMasks.ofBlock(plane, offset, ss, se, al);
        int last = ss - 1;
        for (long m = mask; m != 0; m &= m - 1) {
            int k = Long.numberOfTrailingZeros(m);
            int v = plane[offset + k];
            int t;
            int bits;
            if (v < 0) {
                t = (-v) >> al;
                bits = ~t;
            } else {
                t = v >> al;
                bits = t;
            }
            emitEobRun();
            int run = k - last - 1;
            while (run > 15) {
                sink.symbol(slot, 0xF0);
                run -= 16;
            }
            int nbits = BlockCoder.category(t);
            sink.symbol(slot, (run << 4) + nbits);
            sink.bits(bits, nbits);
            last = k;
        }
        if (last < se) {
            eobRun++;
            if (eobRun == MAX_EOBRUN) {
                emitEobRun();
            }
        }
    }

    private void emitEobRun() {
        if (eobRun > 0) {
            int nbits = BlockCoder.category(eobRun) - 1;
            sink.symbol(slot, nbits << 4);
            sink.bits(eobRun, nbits);
            eobRun = 0;
        }
    }

    @Override
    public void endInterval() {
        emitEobRun();
    }
}
