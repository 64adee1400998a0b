package com.storagecompressai.jpeg;

/** First DC scan of a progressive frame: DC differences of the point-transformed values (T.81 G.1.2.1). */
final class DcFirstCoder implements BlockCoder {

    private final SymbolSink sink;
    private final int[] dcSlots;
    private final int al;
    private final int[] lastDc;

    DcFirstCoder(SymbolSink sink, int[] dcSlots, int al) {
        this.sink = sink;
        this.dcSlots = dcSlots;
        this.al = al;
        this.lastDc = new int[dcSlots.length];
    }

    @Override
    public void code(short[] plane, int offset, int member) {
        int dc = plane[offset] >> al; // arithmetic shift: T.81 G.1.2.1 point transform of DC
        int diff = dc - lastDc[member];
        lastDc[member] = dc;
        int t = diff;
        if (t < 0) {
            t = -t;
            diff--;
        }
        int nbits = BlockCoder.category(t);
        sink.symbol(dcSlots[member], nbits);
        sink.bits(diff, nbits);
    }

    @Override
    public void endInterval() {
        java.util.Arrays.fill(lastDc, 0);
    }
}
