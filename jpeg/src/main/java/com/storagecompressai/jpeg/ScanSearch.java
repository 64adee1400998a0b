package com.storagecompressai.jpeg;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Chooses a progressive scan script by exact cost (brief §1.3 "Do better"). Every candidate AC scan is priced
 * from its symbol histogram with its own optimal table: entropy bits + raw bits + DHT and SOS bytes. Scans of
 * different components are independent, so each component gets its own choice:
 * <ol>
 *   <li>the point transform Al (0..3 for luma, 0..2 for chroma), priced with bands 1–8 and 9–63 plus the
 *       full-band refinements down to bit 0, as mozjpeg does, but raised from 0 only while the cost falls: on
 *       all 27 corpus photos the cost had a single minimum over Al, and it was never above Al 2, so pricing
 *       every Al, as mozjpeg does, spent a third of the search on values that lose. It is priced on one block
 *       row in {@link #PRICING_ROW_STEP} (sparser on large photos, keeping {@link #PRICING_ROWS} rows: 9 MP photos
 *       then take one in ten, files within 0.03 %): a comparison needs no more. On the 27 corpus photos at seven
 *       qualities, 59 of 246 files changed, by -0.8 % to +0.4 % (0.03 % smaller in total), for 5–9 % less
 *       encoder time;</li>
 *   <li>at that Al, the cheapest split of 1..63 into bands, by dynamic programming over the split points, priced
 *       by a {@link BandGrid} over sampled block rows as well (at least {@link #BAND_SAMPLE_ROWS} of them; on the
 *       corpus 0.15 % larger Kodak files at q80, 0–0.04 % larger 9 MP ones, for 3–6 % less encoder time).</li>
 * </ol>
 * The chosen scans are then counted over every block, so that the file is coded with exact statistics.
 * (Searching the bands of the neighbouring Al values as well saved under 0.1 % for a quarter more search time.)
 * The fixed jpgcrush script lies inside this search space; only byte stuffing (~0.4 %) is left out of the
 * estimate.
 */
final class ScanSearch {

    /** Band boundaries (last coefficient of a band); mozjpeg tries 2, 8, 5, 12, 18. */
    private static final int[] BOUNDS = {0, 1, 2, 3, 5, 8, 12, 18, 27, 40, 63};
    private static final int MAX_AL_LUMA = 3;
    private static final int MAX_AL_CHROMA = 2;
    /**
     * Stage 1 prices each point transform on one block row in this many: it only compares costs, and the
     * statistics the file is coded with are gathered over every block afterwards.
     */
    private static final int PRICING_ROW_STEP = 4;
    /** Stage 1 keeps at least this many block rows of a component: large photos are sampled more sparsely. */
    private static final int PRICING_ROWS = 32;
    /** Stage 2 samples block rows too, but keeps at least this many. */
    private static final int BAND_SAMPLE_ROWS = 16;
    /** At most this many candidates per statistics task, so that a big component spreads over the pool. */
    private static final int MAX_CANDIDATES_PER_TASK = 64;

    /** The chosen script and the statistics of its AC scans, counted over every block. */
    record Result(List<Scan> script, Map<Scan, SymbolCounter> statistics, SignificanceMasks[] masks) {
    }

    private ScanSearch() {
    }

    static List<Scan> search(CoefficientPlanes planes, int restartInterval, WorkerPool pool) {
        return searchWithStatistics(planes, restartInterval, pool).script();
    }

    static Result searchWithStatistics(CoefficientPlanes planes, int restartInterval, WorkerPool pool) {
        int components = planes.layout().componentCount();
        SignificanceMasks[] masks = masks(planes, MAX_AL_LUMA, pool);

        int[] chosenAl = pointTransforms(planes, masks, restartInterval, pool);

        // Stage 2: the bands at that Al, from a grid over the sampled rows.
        var stage2 = new ArrayList<Callable<List<Scan>>>();
        for (int c = 0; c < components; c++) {
            int component = c;
            int al = chosenAl[c];
            stage2.add(() -> {
                BandGrid grid = BandGrid.gather(planes, masks[component], al, BOUNDS, bandRowStep(planes, component));
                grid.countEobRuns(masks[component], allBands(component, al), restartInterval);
                return bestBands(component, al, grid);
            });
        }
        List<List<Scan>> bands = pool.invokeAll(stage2);

        var script = new ArrayList<Scan>();
        script.add(Scan.dc(ScanScripts.allComponents(planes.layout()), 0, 0));
        for (List<Scan> b : bands) {
            script.addAll(b);
        }
        // Refinements last, highest bit first, so that a progressive display sharpens evenly.
        for (int bit = MAX_AL_LUMA; bit > 0; bit--) {
            for (int c = 0; c < components; c++) {
                if (chosenAl[c] >= bit) {
                    script.add(Scan.ac(c, 1, 63, bit, bit - 1));
                }
            }
        }
        return counted(planes, script, masks, restartInterval, pool);
    }

    /**
     * Stage 1: the point transform of each component, raised while that pays. Al 0 and 1 are priced together,
     * a higher one only for the components whose cost still fell at the one before. Priced on a sample of the
     * block rows ({@link #PRICING_ROW_STEP}).
     */
    private static int[] pointTransforms(CoefficientPlanes planes, SignificanceMasks[] masks, int restartInterval,
                                         WorkerPool pool) {
        int components = masks.length;
        long[] best = new long[components];
        long[] refinementCost = new long[components]; // the refinements down to bit 0 that Al needs, priced once
        int[] chosenAl = new int[components];
        java.util.Arrays.fill(best, Long.MAX_VALUE);
        var open = new ArrayList<PointTransform>(); // to price in this round
        for (int c = 0; c < components; c++) {
            open.add(new PointTransform(c, 0));
            open.add(new PointTransform(c, 1));
        }
        while (!open.isEmpty()) {
            List<SymbolCounter[]> priced = priceAl(planes, masks, open, restartInterval, pool);
            var next = new ArrayList<PointTransform>();
            for (int i = 0; i < open.size(); i++) {
                PointTransform candidate = open.get(i);
                int c = candidate.component();
                int al = candidate.al();
                SymbolCounter[] counted = priced.get(i);
                if (al > 0) {
                    refinementCost[c] += bits(counted[2]);
                }
                long cost = refinementCost[c] + bits(counted[0]) + bits(counted[1]);
                boolean cheaper = cost < best[c];
                if (cheaper) {
                    best[c] = cost;
                    chosenAl[c] = al;
                }
                if (al > 0 && cheaper && al < maxAl(c)) {
                    next.add(new PointTransform(c, al + 1));
                }
            }
            open = next;
        }
        return chosenAl;
    }

    /** Statistics of a given script's AC scans, gathered in one pass per component instead of one per scan. */
    static Result withStatistics(CoefficientPlanes planes, List<Scan> script, int restartInterval, WorkerPool pool) {
        int maxAl = script.stream().mapToInt(Scan::al).max().orElse(0);
        return counted(planes, script, masks(planes, maxAl, pool), restartInterval, pool);
    }

    /** The script with the statistics of its AC scans, counted over every block: what the file is coded with. */
    private static Result counted(CoefficientPlanes planes, List<Scan> script, SignificanceMasks[] masks,
                                  int restartInterval, WorkerPool pool) {
        var statistics = new HashMap<Scan, SymbolCounter>();
        gather(planes, masks, script.stream().filter(s -> !s.isDc()).toList(), restartInterval, pool, statistics);
        return new Result(List.copyOf(script), statistics, masks);
    }

    private static int maxAl(int component) {
        return component == 0 ? MAX_AL_LUMA : MAX_AL_CHROMA;
    }

    private static List<Scan> allBands(int component, int al) {
        var bands = new ArrayList<Scan>();
        for (int i = 0; i < BOUNDS.length; i++) {
            for (int j = i + 1; j < BOUNDS.length; j++) {
                bands.add(Scan.ac(component, BOUNDS[i] + 1, BOUNDS[j], 0, al));
            }
        }
        return bands;
    }

    /** A component's first AC scans at point transform {@code al}. */
    private record PointTransform(int component, int al) {

        /** Bands 1–8 and 9–63, which price the point transform, then the refinement to the bit below. */
        Scan[] pricedScans() {
            Scan low = Scan.ac(component, 1, 8, 0, al);
            Scan high = Scan.ac(component, 9, 63, 0, al);
            return al == 0 ? new Scan[] {low, high} : new Scan[] {low, high, refinement()};
        }

        Scan refinement() {
            return Scan.ac(component, 1, 63, al, al - 1);
        }
    }

    /** The statistics of each candidate's {@link PointTransform#pricedScans} on the sampled rows, a pass each. */
    private static List<SymbolCounter[]> priceAl(CoefficientPlanes planes, SignificanceMasks[] masks,
                                                 List<PointTransform> candidates, int restartInterval,
                                                 WorkerPool pool) {
        var jobs = new ArrayList<Callable<SymbolCounter[]>>();
        for (PointTransform candidate : candidates) {
            int component = candidate.component();
            jobs.add(() -> BandStatistics.gather(planes, masks[component], candidate.pricedScans(), restartInterval,
                    pricingRowStep(planes, component)));
        }
        return pool.invokeAll(jobs);
    }

    /** Stage 1 takes one block row in this many of the component. */
    private static int pricingRowStep(CoefficientPlanes planes, int component) {
        return Math.max(PRICING_ROW_STEP, planes.layout().component(component).blocksHigh() / PRICING_ROWS);
    }

    /** Stage 2 takes one block row in this many of the component. */
    private static int bandRowStep(CoefficientPlanes planes, int component) {
        return Math.clamp(planes.layout().component(component).blocksHigh() / BAND_SAMPLE_ROWS, 1, PRICING_ROW_STEP);
    }

    private static SignificanceMasks[] masks(CoefficientPlanes planes, int maxAl, WorkerPool pool) {
        return SignificanceMasks.of(planes, maxAl, pool);
    }

    /** Gathers statistics of the candidates, grouped by component and split into tasks for the pool. */
    private static void gather(CoefficientPlanes planes, SignificanceMasks[] masks, List<Scan> candidates,
                               int restartInterval, WorkerPool pool, Map<Scan, SymbolCounter> into) {
        var groups = new ArrayList<Scan[]>();
        for (int c = 0; c < planes.layout().componentCount(); c++) {
            int component = c;
            List<Scan> mine = candidates.stream().filter(s -> s.components()[0] == component).toList();
            // Grouping only trades plane re-reads against parallelism; the counts never depend on it.
            int perTask = Math.max(1, Math.min(MAX_CANDIDATES_PER_TASK,
                    (mine.size() + pool.threads() - 1) / pool.threads()));
            for (int from = 0; from < mine.size(); from += perTask) {
                groups.add(mine.subList(from, Math.min(mine.size(), from + perTask)).toArray(Scan[]::new));
            }
        }
        var jobs = new ArrayList<Callable<SymbolCounter[]>>();
        for (Scan[] group : groups) {
            jobs.add(() -> BandStatistics.gather(planes, masks[group[0].components()[0]], group, restartInterval));
        }
        List<SymbolCounter[]> results = pool.invokeAll(jobs);
        for (int g = 0; g < groups.size(); g++) {
            for (int i = 0; i < groups.get(g).length; i++) {
                into.put(groups.get(g)[i], results.get(g)[i]);
            }
        }
    }

    /** Cheapest split of 1..63 into bands at bit position {@code al}, in frequency order. */
    private static List<Scan> bestBands(int component, int al, BandGrid grid) {
        int n = BOUNDS.length;
        long[] best = new long[n];
        int[] from = new int[n];
        java.util.Arrays.fill(best, Long.MAX_VALUE);
        best[0] = 0;
        for (int j = 1; j < n; j++) {
            for (int i = 0; i < j; i++) {
                long c = best[i] + grid.bits(Scan.ac(component, BOUNDS[i] + 1, BOUNDS[j], 0, al));
                if (c < best[j]) {
                    best[j] = c;
                    from[j] = i;
                }
            }
        }
        var bands = new ArrayList<Scan>();
        for (int j = n - 1; j > 0; j = from[j]) {
            bands.addFirst(Scan.ac(component, BOUNDS[from[j]] + 1, BOUNDS[j], 0, al));
        }
        return bands;
    }

    /** Exact cost of a scan in bits: entropy-coded data with its optimal tables, DHT, SOS and padding. */
    static long bits(SymbolCounter counter) {
        long bits = counter.rawBits;
        for (long[] histogram : counter.counts) {
            bits += tableBits(histogram);
        }
        return withHeaders(bits);
    }

    /** {@link #bits} of a scan whose only symbols are {@code histogram}, coded with one table. */
    static long singleTableBits(long[] histogram, long rawBits) {
        return withHeaders(rawBits + tableBits(histogram));
    }

    /** The symbols' bits with their optimal table, plus the table's bytes in the DHT; 0 for an unused table. */
    private static long tableBits(long[] histogram) {
        return OptimalHuffman.isEmpty(histogram) ? 0 : OptimalHuffman.codedBits(histogram);
    }

    /** Adds the DHT marker and length, the SOS and the final byte's padding. */
    private static long withHeaders(long bits) {
        return bits + 8L * (4 + 10) + 4;
    }
}
