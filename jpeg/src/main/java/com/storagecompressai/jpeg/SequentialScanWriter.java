package com.storagecompressai.jpeg;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Codes a sequential scan in parallel stripes (brief §4.5). With the code lengths fixed, each stripe's length in
 * bits follows from its histogram, so a prefix sum gives where it starts; each stripe packs its bits at that
 * offset into an unstuffed buffer, and one pass joins the buffers, pads the end with 1-bits and stuffs 0xFF
 * bytes (T.81 B.1.1.5). The bytes equal those of a serial encode.
 */
final class SequentialScanWriter {

    private SequentialScanWriter() {
    }

    /**
     * Appends the scan's entropy-coded data (no restart markers) to {@code out}.
     *
     * @param stripes statistics per stripe, from {@link SequentialStatistics#gatherStripes}
     */
    static void write(CoefficientPlanes planes, Scan scan, List<SymbolCounter> stripes, HuffmanCodes[] codes,
                      WorkerPool pool, ByteSink out) {
        int[][] lengths = new int[8][];
        for (int slot = 0; slot < 8; slot++) {
            if (codes[slot] != null) {
                lengths[slot] = codes[slot].length();
            }
        }
        long[] start = new long[stripes.size() + 1];
        for (int s = 0; s < stripes.size(); s++) {
            start[s + 1] = start[s] + stripes.get(s).bitsWith(lengths);
        }
        int stripeMcus = SequentialStatistics.stripeMcus(planes.layout(), scan);
        int total = ScanTraversal.mcuCount(planes.layout(), scan);
        var tasks = new ArrayList<Callable<byte[]>>();
        for (int s = 0; s < stripes.size(); s++) {
            int from = s * stripeMcus;
            int to = Math.min(total, from + stripeMcus);
            int leading = (int) (start[s] & 7);
            long bytes = (start[s + 1] - start[s] + leading + 7) / 8;
            tasks.add(() -> {
                var sink = new ByteSink((int) bytes + 8);
                var bits = new UnstuffedBitWriter(sink, leading);
                var huffman = new HuffmanBitSink(bits, codes);
                var coder = new SequentialBlockCoder(huffman, ScanEncoder.dcSlots(scan), ScanEncoder.acSlots(scan));
                coder.primeDcPredictions(ScanTraversal.dcPredictionsAt(planes, scan, 0, from));
                ScanTraversal.runRange(planes, scan, 0, coder, huffman, from, to);
                bits.flush();
                return sink.toByteArray();
            });
        }
        List<byte[]> parts = pool.invokeAll(tasks);

        long totalBits = start[stripes.size()];
        byte[] joined = new byte[(int) ((totalBits + 7) / 8)];
        for (int s = 0; s < parts.size(); s++) {
            byte[] part = parts.get(s);
            int at = (int) (start[s] >>> 3);
            for (int i = 0; i < part.length && at + i < joined.length; i++) {
                joined[at + i] |= part[i];
            }
        }
        int pad = (int) ((8 - (totalBits & 7)) & 7);
        if (pad > 0) {
            joined[joined.length - 1] |= (byte) ((1 << pad) - 1); // T.81 F.1.2.3: pad with 1-bits
        }
        for (byte b : joined) {
            out.write(b);
            if (b == (byte) 0xFF) {
                out.write(0);
            }
        }
    }
}
