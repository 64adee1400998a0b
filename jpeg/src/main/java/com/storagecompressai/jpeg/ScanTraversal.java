package com.storagecompressai.jpeg;

/**
 * Walks the blocks of one scan in coding order (T.81 A.2): MCU by MCU for an interleaved scan, only the
 * {@code ceil(x/8) x ceil(y/8)} blocks that cover the component for a non-interleaved one (one block per MCU),
 * with a restart every {@code restartInterval} MCUs (none after the last).
 */
final class ScanTraversal {

    private ScanTraversal() {
    }

    /** MCUs in the scan. */
    static int mcuCount(FrameLayout layout, Scan scan) {
        if (scan.components().length == 1) {
            ComponentLayout comp = layout.component(scan.components()[0]);
            return comp.blocksWide() * comp.blocksHigh();
        }
        return layout.mcusWide() * layout.mcusHigh();
    }

    /** MCUs in one MCU row of the scan. */
    static int mcusPerRow(FrameLayout layout, Scan scan) {
        return scan.components().length == 1 ? layout.component(scan.components()[0]).blocksWide() : layout.mcusWide();
    }

    static void run(CoefficientPlanes planes, Scan scan, int restartInterval, BlockCoder coder, SymbolSink sink) {
        runRange(planes, scan, restartInterval, coder, sink, 0, mcuCount(planes.layout(), scan));
        coder.endInterval();
        sink.finish();
    }

    /**
     * Codes MCUs {@code [from, to)}, with the restarts that fall inside the range (those before MCU {@code from}
     * belong to the previous range). Does not end the scan.
     */
    static void runRange(CoefficientPlanes planes, Scan scan, int restartInterval, BlockCoder coder, SymbolSink sink,
                         int from, int to) {
        FrameLayout layout = planes.layout();
        int[] members = scan.components();
        int perRow = mcusPerRow(layout, scan);
        int marker = restartInterval > 0 ? (from / restartInterval) & 7 : 0;
        for (int mcu = from; mcu < to; mcu++) {
            if (restartInterval > 0 && mcu > from && mcu % restartInterval == 0) {
                coder.endInterval();
                sink.restart(marker++);
            }
            int mx = mcu % perRow;
            int my = mcu / perRow;
            if (members.length == 1) {
                ComponentLayout comp = layout.component(members[0]);
                coder.code(planes.plane(comp.index()), comp.blockOffset(mx, my), 0);
                continue;
            }
            for (int m = 0; m < members.length; m++) {
                ComponentLayout comp = layout.component(members[m]);
                short[] plane = planes.plane(comp.index());
                for (int v = 0; v < comp.v(); v++) {
                    for (int h = 0; h < comp.h(); h++) {
                        coder.code(plane, comp.blockOffset(mx * comp.h() + h, my * comp.v() + v), m);
                    }
                }
            }
        }
    }

    /** The DC of the first block each scan member codes in MCU {@code mcu}. */
    static int[] firstDcs(CoefficientPlanes planes, Scan scan, int mcu) {
        int[] members = scan.components();
        FrameLayout layout = planes.layout();
        int perRow = mcusPerRow(layout, scan);
        int mx = mcu % perRow;
        int my = mcu / perRow;
        int[] dc = new int[members.length];
        for (int m = 0; m < members.length; m++) {
            ComponentLayout comp = layout.component(members[m]);
            int offset = members.length == 1 ? comp.blockOffset(mx, my) : comp.blockOffset(mx * comp.h(), my * comp.v());
            dc[m] = planes.plane(comp.index())[offset];
        }
        return dc;
    }

    /**
     * The DC of the block coded just before MCU {@code mcu} for each scan member, i.e. the DC prediction at
     * the start of that MCU; 0 at the scan start and where a restart resets it.
     */
    static int[] dcPredictionsAt(CoefficientPlanes planes, Scan scan, int restartInterval, int mcu) {
        int[] members = scan.components();
        int[] dc = new int[members.length];
        if (mcu == 0 || (restartInterval > 0 && mcu % restartInterval == 0)) {
            return dc;
        }
        FrameLayout layout = planes.layout();
        int perRow = mcusPerRow(layout, scan);
        int mx = (mcu - 1) % perRow;
        int my = (mcu - 1) / perRow;
        for (int m = 0; m < members.length; m++) {
            ComponentLayout comp = layout.component(members[m]);
            int offset = members.length == 1 ? comp.blockOffset(mx, my)
                    : comp.blockOffset(mx * comp.h() + comp.h() - 1, my * comp.v() + comp.v() - 1);
            dc[m] = planes.plane(comp.index())[offset];
        }
        return dc;
    }
}
