package com.storagecompressai.jpeg;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Symbol statistics of a sequential scan gathered in stripes of MCU rows on the pool and summed (brief §4.3).
 * Each stripe starts from the true DC predictions of the block before it, so the sum equals a serial count
 * exactly, whatever the thread count.
 */
final class SequentialStatistics {

    private static final int STRIPE_MCU_ROWS = 8;

    private SequentialStatistics() {
    }

    static SymbolCounter gather(CoefficientPlanes planes, Scan scan, int restartInterval, WorkerPool pool) {
        return sum(gatherStripes(planes, scan, restartInterval, pool));
    }

    /** MCUs per stripe of the scan. */
    static int stripeMcus(FrameLayout layout, Scan scan) {
        return ScanTraversal.mcusPerRow(layout, scan) * STRIPE_MCU_ROWS;
    }

    /** The statistics of each stripe of {@link #stripeMcus} MCUs, in order. */
    static List<SymbolCounter> gatherStripes(CoefficientPlanes planes, Scan scan, int restartInterval,
                                             WorkerPool pool) {
        FrameLayout layout = planes.layout();
        int total = ScanTraversal.mcuCount(layout, scan);
        int stripe = stripeMcus(layout, scan);
        var tasks = new ArrayList<Callable<SymbolCounter>>();
        for (int from = 0; from < total; from += stripe) {
            int start = from;
            int end = Math.min(total, from + stripe);
            tasks.add(() -> count(planes, scan, restartInterval,
                    ScanTraversal.dcPredictionsAt(planes, scan, restartInterval, start), start, end));
        }
        return pool.invokeAll(tasks);
    }

    /**
     * The statistics of an interleaved scan over some ranges of MCU rows only. Each range starts as if its first
     * blocks were predicted exactly, since the blocks before it may not be quantized.
     */
    static SymbolCounter gather(CoefficientPlanes planes, Scan scan, List<McuRows> ranges, WorkerPool pool) {
        int perRow = ScanTraversal.mcusPerRow(planes.layout(), scan);
        var tasks = new ArrayList<Callable<SymbolCounter>>();
        for (McuRows rows : ranges) {
            int start = rows.start() * perRow;
            int end = rows.end() * perRow;
            tasks.add(() -> count(planes, scan, 0, ScanTraversal.firstDcs(planes, scan, start), start, end));
        }
        return sum(pool.invokeAll(tasks));
    }

    /** Counts MCUs {@code [from, to)}, starting from the given DC predictions. */
    private static SymbolCounter count(CoefficientPlanes planes, Scan scan, int restartInterval, int[] dcPredictions,
                                       int from, int to) {
        var counter = new SymbolCounter();
        var coder = new SequentialBlockCoder(counter, ScanEncoder.dcSlots(scan), ScanEncoder.acSlots(scan));
        coder.primeDcPredictions(dcPredictions);
        ScanTraversal.runRange(planes, scan, restartInterval, coder, counter, from, to);
        return counter;
    }

    static SymbolCounter sum(List<SymbolCounter> parts) {
        var sum = new SymbolCounter();
        for (SymbolCounter part : parts) {
            for (int slot = 0; slot < 8; slot++) {
                for (int s = 0; s < 256; s++) {
                    sum.counts[slot][s] += part.counts[slot][s];
                }
            }
            sum.rawBits += part.rawBits;
            sum.restarts += part.restarts;
        }
        return sum;
    }
}
