package com.storagecompressai.jpeg;

/** Huffman coding of a whole block for a sequential scan (T.81 F.1.2.1 DC and F.1.2.2 AC). */
final class SequentialBlockCoder implements BlockCoder {

    private final SymbolSink sink;
    private final int[] dcSlots;
    private final int[] acSlots;
    private final int[] lastDc;

    SequentialBlockCoder(SymbolSink sink, int[] dcSlots, int[] acSlots) {
        this.sink = sink;
        this.dcSlots = dcSlots;
        this.acSlots = acSlots;
        this.lastDc = new int[dcSlots.length];
    }

    @Override
    public void code(short[] plane, int offset, int member) {
        int dc = plane[offset];
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

        int ac = acSlots[member];
        int run = 0;
        for (int k = 1; k < 64; k++) {
            int v = plane[offset + k];
            if (v == 0) {
                run++;
                continue;
            }
            while (run > 15) {
                sink.symbol(ac, 0xF0);
                run -= 16;
            }
            t = v;
            if (t < 0) {
                t = -t;
                v--;
            }
            nbits = BlockCoder.category(t);
            sink.symbol(ac, (run << 4) + nbits);
            sink.bits(v, nbits);
            run = 0;
        }
        if (run > 0) {
            sink.symbol(ac, 0x00);
        }
    }

    /** Continues a scan in the middle: the DC predictions at the first block this coder will see. */
    void primeDcPredictions(int[] predictions) {
        System.arraycopy(predictions, 0, lastDc, 0, lastDc.length);
    }

    @Override
    public void endInterval() {
        java.util.Arrays.fill(lastDc, 0);
    }
}
