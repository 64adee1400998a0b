package com.storagecompressai.jpeg;

/**
 * Symbol statistics of many candidate AC scans of one component, gathered in one pass over its blocks. Each
 * block is reduced to its nonzero coefficients, and each candidate replays exactly what {@link AcFirstCoder}
 * or {@link AcRefineCoder} would emit (EOB runs, ZRL, buffered correction bits, restarts), so the counts equal
 * those of a real encode. This is what makes scan search cheap: no candidate is ever written (brief §1.3).
 */
final class BandStatistics {

    private static final int MAX_EOBRUN = 0x7FFF;
    private static final int MAX_PENDING = 1000 - 64 + 1;

    private final Scan[] candidates;
    /** 256 AC symbol counts per candidate, flat so that all candidates stay in cache together. */
    private final int[] counts;
    private final long[] rawBits;
    private final int[] eobRun;
    private final int[] pending;
    /** Last block whose effect on each candidate has been counted. */
    private final int[] lastSeen;

    private BandStatistics(Scan[] candidates) {
        this.candidates = candidates;
        this.counts = new int[candidates.length * 256];
        this.rawBits = new long[candidates.length];
        this.eobRun = new int[candidates.length];
        this.pending = new int[candidates.length];
        this.lastSeen = new int[candidates.length];
        java.util.Arrays.fill(lastSeen, -1);
    }

    private SymbolCounter[] counters() {
        var counters = new SymbolCounter[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            var c = new SymbolCounter();
            long[] slot = c.counts[ScanEncoder.acSlots(candidates[i])[0]];
            for (int s = 0; s < 256; s++) {
                slot[s] = counts[i * 256 + s];
            }
            c.rawBits = rawBits[i];
            counters[i] = c;
        }
        return counters;
    }

    /**
     * Counts every candidate (AC scans of {@code component} only) as coded with the given restart interval.
     * Symbols go to the AC slot {@link ScanEncoder} gives the component.
     */
    static SymbolCounter[] gather(CoefficientPlanes planes, int component, Scan[] candidates, int restartInterval) {
        int maxAl = 0;
        for (Scan s : candidates) {
            maxAl = Math.max(maxAl, s.al());
        }
        return gather(planes, SignificanceMasks.of(planes, component, maxAl), candidates, restartInterval);
    }

    /** As above, with the component's significance masks already computed (covering every candidate's Al). */
    static SymbolCounter[] gather(CoefficientPlanes planes, SignificanceMasks masks, Scan[] candidates,
                                  int restartInterval) {
        return gather(planes, masks, candidates, restartInterval, 1);
    }

    /**
     * As above, over every {@code rowStep}-th block row only, counted as if those rows made the whole component:
     * an estimate, for comparing candidates at a fraction of the cost.
     */
    static SymbolCounter[] gather(CoefficientPlanes planes, SignificanceMasks masks, Scan[] candidates,
                                  int restartInterval, int rowStep) {
        int component = masks.component();
        for (Scan s : candidates) {
            if (s.isDc() || s.components().length != 1 || s.components()[0] != component) {
                throw new IllegalArgumentException("not an AC scan of component " + component + ": " + s);
            }
            if (s.al() > masks.maxAl()) {
                throw new IllegalArgumentException("no significance mask for Al " + s.al());
            }
        }
        var stats = new BandStatistics(candidates);
        stats.run(planes, masks, restartInterval, rowStep);
        return stats.counters();
    }

    private void run(CoefficientPlanes planes, SignificanceMasks masks, int restartInterval, int rowStep) {
        ComponentLayout comp = planes.layout().component(masks.component());
        short[] plane = planes.plane(comp.index());
        int[] pos = new int[64];
        int[] mag = new int[64];
        long[] lowBits = new long[65]; // lowBits[k] selects positions below k
        for (int k = 0; k <= 64; k++) {
            lowBits[k] = k == 64 ? -1L : (1L << k) - 1;
        }
        int count = candidates.length;
        long[] band = new long[count];
        boolean[] refinement = new boolean[count];
        for (int i = 0; i < count; i++) {
            Scan s = candidates[i];
            band[i] = lowBits[s.se() + 1] & ~lowBits[s.ss()];
            refinement[i] = s.isRefinement();
        }
        int[] alOf = new int[count];
        for (int i = 0; i < count; i++) {
            alOf[i] = candidates[i].al();
        }
        long[][] byAl = masks.byAl();
        long[] current = new long[byAl.length];
        long[] any = byAl[0];
        int b = 0; // blocks counted: the EOB runs and restarts follow this count
        for (int by = 0; by < comp.blocksHigh(); by += rowStep) {
            int maskIndex = by * comp.blocksWide();
            for (int bx = 0; bx < comp.blocksWide(); bx++, b++, maskIndex++) {
                if (restartInterval > 0 && b > 0 && b % restartInterval == 0) {
                    for (int i = 0; i < count; i++) {
                        catchUp(i, b);
                        flushEobRun(i);
                    }
                }
                for (int al = 0; al < current.length; al++) {
                    current[al] = byAl[al][maskIndex];
                }
                long mask = any[maskIndex];
                int n = -1; // nonzeros not extracted yet
                for (int i = 0; i < count; i++) {
                    if ((current[alOf[i]] & band[i]) == 0) {
                        continue; // empty band: counted later, in bulk, by catchUp
                    }
                    catchUp(i, b);
                    lastSeen[i] = b;
                    if (n < 0) {
                        int o = comp.blockOffset(bx, by);
                        n = 0;
                        for (long m = mask; m != 0; m &= m - 1) {
                            int k = Long.numberOfTrailingZeros(m);
                            int v = plane[o + k];
                            pos[n] = k;
                            mag[n++] = v < 0 ? -v : v;
                        }
                    }
                    Scan s = candidates[i];
                    int from = Long.bitCount(mask & lowBits[s.ss()]);
                    int to = Long.bitCount(mask & lowBits[s.se() + 1]);
                    if (refinement[i]) {
                        refine(i, s, pos, mag, from, to);
                    } else {
                        first(i, s, pos, mag, from, to);
                    }
                }
            }
        }
        for (int i = 0; i < count; i++) {
            catchUp(i, b);
            flushEobRun(i);
        }
    }

    /**
     * Accounts for the blocks after the last one seen and before {@code block}, all empty in candidate i's band:
     * each only lengthens the EOB run (flushed at its maximum). Their correction buffer stays as it is, and it
     * was already flushed if it had grown too long, so nothing else can happen in between.
     */
    private void catchUp(int i, int block) {
        long total = eobRun[i] + (long) (block - lastSeen[i] - 1);
        while (total >= MAX_EOBRUN) {
            eobRun[i] = MAX_EOBRUN;
            flushEobRun(i);
            total -= MAX_EOBRUN;
        }
        eobRun[i] = (int) total;
        lastSeen[i] = block - 1;
    }

    private void first(int i, Scan s, int[] pos, int[] mag, int from, int to) {
        int base = i * 256;
        long raw = 0;
        int ss = s.ss();
        int se = s.se();
        int al = s.al();
        int last = ss - 1;
        for (int j = from; j < to; j++) {
            int k = pos[j];
            int t = mag[j] >> al;
            if (t == 0) {
                continue;
            }
            if (eobRun[i] > 0) {
                flushEobRun(i);
            }
            int run = k - last - 1;
            while (run > 15) {
                counts[base + 0xF0]++;
                run -= 16;
            }
            int nbits = BlockCoder.category(t);
            counts[base + (run << 4) + nbits]++;
            raw += nbits;
            last = k;
        }
        rawBits[i] += raw;
        if (last < se) {
            if (++eobRun[i] == MAX_EOBRUN) {
                flushEobRun(i);
            }
        }
    }

    private void refine(int i, Scan s, int[] pos, int[] mag, int from, int to) {
        int base = i * 256;
        int ss = s.ss();
        int se = s.se();
        int al = s.al();
        int eob = 0;
        for (int j = from; j < to; j++) {
            if ((mag[j] >> al) == 1) {
                eob = pos[j];
            }
        }
        int run = 0;
        int last = ss - 1;
        int blockStart = pending[i];
        int blockBits = 0;
        for (int j = from; j < to; j++) {
            int k = pos[j];
            int t = mag[j] >> al;
            if (t == 0) {
                continue;
            }
            run += k - last - 1;
            last = k;
            while (run > 15 && k <= eob) {
                flushEobRun(i);
                counts[base + 0xF0]++;
                run -= 16;
                rawBits[i] += blockBits;
                blockStart = 0;
                blockBits = 0;
            }
            if (t > 1) {
                blockBits++;
                continue;
            }
            flushEobRun(i);
            counts[base + (run << 4) + 1]++;
            rawBits[i] += 1 + blockBits;
            blockStart = 0;
            blockBits = 0;
            run = 0;
        }
        run += se - last;
        if (run > 0 || blockBits > 0) {
            eobRun[i]++;
            pending[i] = blockStart + blockBits;
            if (eobRun[i] == MAX_EOBRUN || pending[i] > MAX_PENDING) {
                flushEobRun(i);
            }
        } else {
            pending[i] = 0;
        }
    }

    private void flushEobRun(int i) {
        if (eobRun[i] > 0) {
            int nbits = BlockCoder.category(eobRun[i]) - 1;
            counts[i * 256 + (nbits << 4)]++;
            rawBits[i] += nbits + pending[i];
            eobRun[i] = 0;
            pending[i] = 0;
        }
    }
}
