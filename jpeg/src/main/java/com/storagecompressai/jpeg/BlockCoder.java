package com.storagecompressai.jpeg;

/**
 * Codes one block of one scan into a {@link SymbolSink}. Blocks arrive in scan order; {@link #endInterval()}
 * closes a restart interval or the scan (flushes EOB runs, resets DC predictions: T.81 F.1.2.3, G.1.2.2).
 */
sealed interface BlockCoder permits SequentialBlockCoder, DcFirstCoder, DcRefineCoder, AcFirstCoder,
        AcRefineCoder {

    /** @param member the component's position in the scan header */
    void code(short[] plane, int offset, int member);

    void endInterval();

    static BlockCoder of(Scan scan, boolean progressive, SymbolSink sink, int[] dcSlots, int[] acSlots) {
        return of(scan, progressive, sink, dcSlots, acSlots, null);
    }

    /** @param masks significance masks by component (from {@link SignificanceMasks}), or null */
    static BlockCoder of(Scan scan, boolean progressive, SymbolSink sink, int[] dcSlots, int[] acSlots,
                         SignificanceMasks[] masks) {
        if (!progressive) {
            return new SequentialBlockCoder(sink, dcSlots, acSlots);
        }
        if (scan.isDc()) {
            return scan.isRefinement() ? new DcRefineCoder(sink, scan.al())
                    : new DcFirstCoder(sink, dcSlots, scan.al());
        }
        SignificanceMasks m = masks == null ? null : masks[scan.components()[0]];
        long[] significance = m != null && scan.al() <= m.maxAl() ? m.byAl()[scan.al()] : null;
        return scan.isRefinement() ? new AcRefineCoder(sink, acSlots[0], scan.ss(), scan.se(), scan.al(), significance)
                : new AcFirstCoder(sink, acSlots[0], scan.ss(), scan.se(), scan.al(), significance);
    }

    /** Magnitude category SSSS of a value (T.81 Table F.1/F.2). */
    static int category(int absValue) {
        return 32 - Integer.numberOfLeadingZeros(absValue);
    }
}
