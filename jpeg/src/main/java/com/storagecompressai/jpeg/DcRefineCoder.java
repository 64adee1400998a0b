package com.storagecompressai.jpeg;

/** DC refinement scan: one raw bit per block, no Huffman table (T.81 G.1.2.1). */
final class DcRefineCoder implements BlockCoder {

    private final SymbolSink sink;
    private final int al;

    DcRefineCoder(SymbolSink sink, int al) {
        this.sink = sink;
        this.al = al;
    }

    @Override
    public void code(short[] plane, int offset, int member) {
        sink.bits(plane[offset] >> al, 1);
    }

    @Override
    public void endInterval() {
    }
}
