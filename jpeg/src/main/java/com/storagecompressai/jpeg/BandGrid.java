package com.storagecompressai.jpeg;

import java.util.List;

/**
 * Symbol statistics of the first AC scans of one component at one point transform Al, for every band that
 * starts just after one of the given bounds and ends on a later one, gathered in one pass over the blocks. The
 * counts equal those of {@link AcFirstCoder}, as {@link BandStatistics} gives them for single candidates, but
 * each coefficient's symbol is added once, to one cell of a table over (start bound, end bound), and prefix sums
 * over the table then give every band its counts. Only EOB runs are followed band by band, for the bands asked
 * for, and only at the blocks where a band holds a coefficient.
 */
final class BandGrid {

    private static final int MAX_EOBRUN = 0x7FFF;

    private final int al;
    private final int[] bounds;
    private final int n;
    /** Last bound below zig-zag position k, and first bound at or above it. */
    private final int[] boundBelow = new int[64];
    private final int[] boundAtOrAbove = new int[64];
    /**
     * Per cell (i, j) × symbol: symbols of coefficients whose predecessor lies after bound i and which lie at or
     * before bound j. A band (i', j') holds both when i' ≤ i and j ≤ j'.
     */
    private final int[] continuing;
    /** Per cell (i, j) × symbol: the first coefficient after bound i, which lies at or before bound j. */
    private final int[] opening;
    /** Per cell: magnitude bits of coefficients after bound i and at or before bound j. */
    private final long[] magnitudeBits;
    /** Per band: EOBn symbols (16 categories) and their extra bits, counted directly. */
    private final int[] eobSymbols;
    private final long[] eobBits;
    private final int[] eobRun;
    private final int[] lastSeen;
    private final boolean[] eobCounted;
    private int[] cumulativeSymbols;
    private long[] cumulativeBits;

    /** Every {@code rowStep}-th block row of a component {@code blocksWide} blocks wide is counted. */
    private final int rowStep;
    private final int blocksWide;

    private BandGrid(int al, int[] bounds, int rowStep, int blocksWide) {
        this.al = al;
        this.rowStep = rowStep;
        this.blocksWide = blocksWide;
        this.bounds = bounds.clone();
        this.n = bounds.length;
        for (int k = 1; k < 64; k++) {
            int i = 0;
            while (i + 1 < n && bounds[i + 1] < k) {
                i++;
            }
            boundBelow[k] = i;
            boundAtOrAbove[k] = i + 1;
        }
        continuing = new int[n * n * 256];
        opening = new int[n * n * 256];
        magnitudeBits = new long[n * n];
        eobSymbols = new int[n * n * 16];
        eobBits = new long[n * n];
        eobRun = new int[n * n];
        lastSeen = new int[n * n];
        java.util.Arrays.fill(lastSeen, -1);
        eobCounted = new boolean[n * n];
    }

    /**
     * Counts the symbols of every band of the masks' component at {@code al}; EOB runs come later, per band,
     * from {@link #countEobRuns}.
     *
     * @param bounds increasing zig-zag positions from 0 to 63; bands run from one bound + 1 to a later bound
     */
    static BandGrid gather(CoefficientPlanes planes, SignificanceMasks masks, int al, int[] bounds) {
        return gather(planes, masks, al, bounds, 1);
    }

    /**
     * As above, over every {@code rowStep}-th block row only, counted as if those rows made the whole component:
     * an estimate, for comparing bands at a fraction of the cost.
     */
    static BandGrid gather(CoefficientPlanes planes, SignificanceMasks masks, int al, int[] bounds, int rowStep) {
        if (bounds[0] != 0 || bounds[bounds.length - 1] != 63) {
            throw new IllegalArgumentException("bounds must run from 0 to 63");
        }
        if (al > masks.maxAl()) {
            throw new IllegalArgumentException("no significance mask for Al " + al);
        }
        var grid = new BandGrid(al, bounds, rowStep, planes.layout().component(masks.component()).blocksWide());
        grid.run(planes, masks);
        grid.accumulate();
        return grid;
    }

    /** The statistics of the first scan of the band from {@code ss} to {@code se}, both of them bound + 1 / bound. */
    SymbolCounter counter(Scan scan) {
        int cell = countedCellOf(scan);
        var counter = new SymbolCounter();
        counter.counts[ScanEncoder.acSlots(scan)[0]] = histogram(cell);
        counter.rawBits = rawBits(cell);
        return counter;
    }

    /** {@link ScanSearch#bits} of {@link #counter}, without building the counter. */
    long bits(Scan scan) {
        int cell = countedCellOf(scan);
        return ScanSearch.singleTableBits(histogram(cell), rawBits(cell));
    }

    private int countedCellOf(Scan scan) {
        int cell = cellOf(scan);
        if (!eobCounted[cell]) {
            throw new IllegalStateException("EOB runs of " + scan + " were not counted");
        }
        return cell;
    }

    private long[] histogram(int cell) {
        long[] histogram = new long[256];
        for (int s = 0; s < 256; s++) {
            histogram[s] = cumulativeSymbols[cell * 256 + s];
        }
        for (int c = 0; c < 16; c++) {
            histogram[c << 4] += eobSymbols[cell * 16 + c];
        }
        return histogram;
    }

    private long rawBits(int cell) {
        return cumulativeBits[cell] + eobBits[cell];
    }

    private int cellOf(Scan scan) {
        int i = indexOf(scan.ss() - 1);
        int j = indexOf(scan.se());
        if (scan.isRefinement() || scan.al() != al || i < 0 || j <= i) {
            throw new IllegalArgumentException("not a first scan of this grid: " + scan);
        }
        return i * n + j;
    }

    private int indexOf(int bound) {
        for (int i = 0; i < n; i++) {
            if (bounds[i] == bound) {
                return i;
            }
        }
        return -1;
    }

    private void run(CoefficientPlanes planes, SignificanceMasks masks) {
        ComponentLayout comp = planes.layout().component(masks.component());
        short[] plane = planes.plane(comp.index());
        long[] significant = masks.byAl()[al];
        int[] position = new int[64];
        int[] size = new int[64];
        for (int by = 0; by < comp.blocksHigh(); by += rowStep) {
            int b = by * comp.blocksWide();
            for (int bx = 0; bx < comp.blocksWide(); bx++, b++) {
                long mask = significant[b];
                if (mask == 0) {
                    continue;
                }
                int o = comp.blockOffset(bx, by);
                int m = 0;
                for (long bits = mask; bits != 0; bits &= bits - 1) {
                    int k = Long.numberOfTrailingZeros(bits);
                    int v = plane[o + k];
                    position[m] = k;
                    size[m++] = BlockCoder.category((v < 0 ? -v : v) >> al);
                }
                countSymbols(position, size, m);
            }
        }
    }

    private void countSymbols(int[] position, int[] size, int m) {
        int previous = 0;
        for (int t = 0; t < m; t++) {
            int p = position[t];
            int below = boundBelow[p];
            int end = boundAtOrAbove[p];
            if (t > 0) {
                add(continuing, boundBelow[previous] * n + end, p - previous - 1, size[t]);
            }
            for (int i = t == 0 ? 0 : boundBelow[previous] + 1; i <= below; i++) {
                add(opening, i * n + end, p - bounds[i] - 1, size[t]);
            }
            magnitudeBits[below * n + end] += size[t];
            previous = p;
        }
    }

    private static void add(int[] table, int cell, int run, int size) {
        int base = cell * 256;
        table[base + 0xF0] += run >> 4;
        table[base + ((run & 15) << 4) + size]++;
    }

    /**
     * Counts the EOB runs of the given bands (once: bands already counted are skipped), from the significance
     * masks alone. Kept apart from the symbols because it costs a step per band and block: callers ask only for
     * the bands they will price.
     */
    void countEobRuns(SignificanceMasks masks, List<Scan> bands, int restartInterval) {
        bands = bands.stream().filter(scan -> !eobCounted[cellOf(scan)]).toList();
        int count = bands.size();
        int[] cells = new int[count];
        long[] bandBits = new long[count];
        int[] endBit = new int[count];
        for (int c = 0; c < count; c++) {
            Scan scan = bands.get(c);
            cells[c] = cellOf(scan);
            bandBits[c] = SignificanceMasks.band(scan.ss(), scan.se());
            endBit[c] = scan.se();
        }
        long[] significant = masks.byAl()[al];
        int b = 0; // blocks counted: the EOB runs and restarts follow this count
        for (int rowStart = 0; rowStart < significant.length; rowStart += rowStep * blocksWide) {
            for (int maskIndex = rowStart; maskIndex < rowStart + blocksWide; maskIndex++, b++) {
                countBlock(significant[maskIndex], b, restartInterval, cells, bandBits, endBit);
            }
        }
        for (int cell : cells) {
            catchUp(cell, b);
            flush(cell);
            eobCounted[cell] = true;
        }
    }

    /** The EOB runs of the {@code b}-th block counted, whose significance mask is {@code mask}. */
    private void countBlock(long mask, int b, int restartInterval, int[] cells, long[] bandBits, int[] endBit) {
        if (restartInterval > 0 && b > 0 && b % restartInterval == 0) {
            for (int cell : cells) {
                catchUp(cell, b);
                flush(cell);
            }
        }
        if (mask == 0) {
            return;
        }
        for (int c = 0; c < cells.length; c++) {
            if ((mask & bandBits[c]) == 0) {
                continue;
            }
            int cell = cells[c];
            catchUp(cell, b);
            flush(cell);
            eobRun[cell] = (mask >>> endBit[c] & 1) == 0 ? 1 : 0;
            lastSeen[cell] = b;
        }
    }

    /** Blocks after the last one seen and before {@code block} hold nothing in the band: each lengthens its run. */
    private void catchUp(int band, int block) {
        long total = eobRun[band] + (long) (block - lastSeen[band] - 1);
        while (total >= MAX_EOBRUN) {
            eobRun[band] = MAX_EOBRUN;
            flush(band);
            total -= MAX_EOBRUN;
        }
        eobRun[band] = (int) total;
        lastSeen[band] = block - 1;
    }

    private void flush(int band) {
        if (eobRun[band] > 0) {
            int nbits = BlockCoder.category(eobRun[band]) - 1;
            eobSymbols[band * 16 + nbits]++;
            eobBits[band] += nbits;
            eobRun[band] = 0;
        }
    }

    /** Band (i, j) sums continuing cells (i' ≥ i, j' ≤ j) and opening cells (i, j' ≤ j). */
    private void accumulate() {
        cumulativeSymbols = new int[n * n * 256];
        cumulativeBits = new long[n * n];
        // Cells (i, j ≤ i) hold nothing, as a coefficient lies after the bound below it: they stay 0, and every
        // cell summed has a neighbour below and to the left.
        for (int i = n - 2; i >= 0; i--) {
            for (int j = i + 1; j < n; j++) {
                int cell = i * n + j;
                int below = (cell + n) * 256;
                int left = (cell - 1) * 256;
                int diagonal = (cell + n - 1) * 256;
                for (int s = 0; s < 256; s++) {
                    cumulativeSymbols[cell * 256 + s] = continuing[cell * 256 + s] + cumulativeSymbols[below + s]
                            + cumulativeSymbols[left + s] - cumulativeSymbols[diagonal + s];
                }
                cumulativeBits[cell] = magnitudeBits[cell] + cumulativeBits[cell + n] + cumulativeBits[cell - 1]
                        - cumulativeBits[cell + n - 1];
            }
        }
        // Opening symbols belong to their own start bound only: a prefix sum along j, added on top.
        int[] run = new int[256];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(run, 0);
            for (int j = i + 1; j < n; j++) {
                int cell = (i * n + j) * 256;
                for (int s = 0; s < 256; s++) {
                    run[s] += opening[cell + s];
                    cumulativeSymbols[cell + s] += run[s];
                }
            }
        }
    }
}
