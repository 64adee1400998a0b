package com.storagecompressai.jpeg;

import java.util.ArrayList;
import java.util.List;

/**
 * Encodes one scan of fixed coefficients: gathers its symbol statistics, builds optimal Huffman tables for
 * it (T.81 Annex K.2), and writes DHT, SOS and the entropy-coded data. Scans are independent, so several
 * can be encoded at once.
 */
final class ScanEncoder {

    private final CoefficientPlanes planes;
    private final boolean progressive;
    private final int restartInterval;
    private final SignificanceMasks[] masks;

    ScanEncoder(CoefficientPlanes planes, boolean progressive, int restartInterval) {
        this(planes, progressive, restartInterval, null);
    }

    /** @param masks significance masks of every component, to spare the AC coders a pass over zeros (or null) */
    ScanEncoder(CoefficientPlanes planes, boolean progressive, int restartInterval, SignificanceMasks[] masks) {
        this.planes = planes;
        this.progressive = progressive;
        this.restartInterval = restartInterval;
        this.masks = masks;
    }

    /** Luma uses table 0, chroma table 1 (DC slots 0..3, AC slots 4..7). */
    static int[] dcSlots(Scan scan) {
        int[] slots = new int[scan.components().length];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = scan.components()[i] == 0 ? 0 : 1;
        }
        return slots;
    }

    static int[] acSlots(Scan scan) {
        int[] slots = dcSlots(scan);
        for (int i = 0; i < slots.length; i++) {
            slots[i] += SymbolSink.AC;
        }
        return slots;
    }

    SymbolCounter count(Scan scan) {
        var counter = new SymbolCounter();
        ScanTraversal.run(planes, scan, restartInterval,
                BlockCoder.of(scan, progressive, counter, dcSlots(scan), acSlots(scan)), counter);
        return counter;
    }

    /** Optimal tables for the slots the counter used (null elsewhere). */
    static HuffmanTable[] tablesFor(SymbolCounter counter) {
        var tables = new HuffmanTable[8];
        for (int slot = 0; slot < 8; slot++) {
            if (counter.used(slot)) {
                tables[slot] = OptimalHuffman.build(counter.counts[slot]);
            }
        }
        return tables;
    }

    /** Encodes the scan with tables built from its own statistics. */
    byte[] encode(Scan scan) {
        return encode(scan, null);
    }

    /** As {@link #encode(Scan)}, reusing statistics already gathered for exactly this scan (null = count now). */
    byte[] encode(Scan scan, SymbolCounter known) {
        SymbolCounter counter = known != null ? known : count(scan);
        HuffmanTable[] tables = tablesFor(counter);
        long estimatedBits = counter.bitsWith(lengthsOf(tables));
        var out = new ByteSink((int) Math.min(Integer.MAX_VALUE - 64, estimatedBits / 8 + estimatedBits / 800 + 1024));
        write(scan, tables, out);
        return out.toByteArray();
    }

    void write(Scan scan, HuffmanTable[] tables, ByteSink out) {
        HuffmanCodes[] codes = writeHeaders(scan, tables, out);
        var sink = new HuffmanBitSink(new BitWriter(out), codes);
        ScanTraversal.run(planes, scan, restartInterval,
                BlockCoder.of(scan, progressive, sink, dcSlots(scan), acSlots(scan), masks), sink);
    }

    /**
     * A sequential scan without restart markers, coded in parallel stripes ({@link SequentialScanWriter}).
     *
     * @param stripes the scan's statistics per stripe ({@link SequentialStatistics#gatherStripes})
     */
    byte[] encodeSequential(Scan scan, List<SymbolCounter> stripes, WorkerPool pool) {
        if (progressive || restartInterval != 0) {
            throw new IllegalStateException("only for a sequential scan without restarts");
        }
        SymbolCounter counter = SequentialStatistics.sum(stripes);
        HuffmanTable[] tables = tablesFor(counter);
        long estimatedBits = counter.bitsWith(lengthsOf(tables));
        var out = new ByteSink((int) Math.min(Integer.MAX_VALUE - 64, estimatedBits / 8 + estimatedBits / 800 + 1024));
        HuffmanCodes[] codes = writeHeaders(scan, tables, out);
        SequentialScanWriter.write(planes, scan, stripes, codes, pool, out);
        return out.toByteArray();
    }

    /** DHT for the tables given (if any) and SOS; returns the codes by slot. */
    private HuffmanCodes[] writeHeaders(Scan scan, HuffmanTable[] tables, ByteSink out) {
        var slots = new ArrayList<HuffmanSegment.Slot>();
        var codes = new HuffmanCodes[8];
        for (int slot = 0; slot < 8; slot++) {
            if (tables[slot] != null) {
                slots.add(new HuffmanSegment.Slot(slot / SymbolSink.AC, slot % SymbolSink.AC, tables[slot]));
                codes[slot] = tables[slot].codes();
            }
        }
        if (!slots.isEmpty()) {
            new HuffmanSegment(slots).writeTo(out);
        }
        int[] dc = dcSlots(scan);
        int[] ac = acSlots(scan);
        int[] acIds = new int[ac.length];
        for (int i = 0; i < ac.length; i++) {
            acIds[i] = ac[i] - SymbolSink.AC;
        }
        boolean dcScan = progressive && scan.isDc();
        boolean acScan = progressive && !scan.isDc();
        new ScanHeader(scan, planes.layout(), acScan ? new int[dc.length] : dc, dcScan ? new int[ac.length] : acIds)
                .writeTo(out);
        return codes;
    }

    /**
     * Encodes a progressive AC scan with a table shared with other scans (see {@link HuffmanClustering}): the
     * table sits in AC destination {@code destination}, and a DHT defines it only if {@code define}.
     */
    byte[] encodeShared(Scan scan, SymbolCounter counter, HuffmanTable table, int destination, boolean define) {
        int slot = acSlots(scan)[0];
        int[] lengths = table.codeLengths();
        long estimatedBits = counter.rawBits;
        for (int s = 0; s < 256; s++) {
            estimatedBits += counter.counts[slot][s] * lengths[s];
        }
        var out = new ByteSink((int) Math.min(Integer.MAX_VALUE - 64, estimatedBits / 8 + estimatedBits / 800 + 1024));
        if (define) {
            new HuffmanSegment(java.util.List.of(new HuffmanSegment.Slot(1, destination, table))).writeTo(out);
        }
        new ScanHeader(scan, planes.layout(), new int[1], new int[] {destination}).writeTo(out);
        var codes = new HuffmanCodes[8];
        codes[slot] = table.codes();
        var sink = new HuffmanBitSink(new BitWriter(out), codes);
        ScanTraversal.run(planes, scan, restartInterval,
                BlockCoder.of(scan, progressive, sink, dcSlots(scan), acSlots(scan), masks), sink);
        return out.toByteArray();
    }

    static int[][] lengthsOf(HuffmanTable[] tables) {
        int[][] lengths = new int[8][];
        for (int slot = 0; slot < 8; slot++) {
            if (tables[slot] != null) {
                lengths[slot] = tables[slot].codeLengths();
            }
        }
        return lengths;
    }
}
