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
 *       every Al, as mozjpeg does, spent a third of the search on values that lose;</li>
 *   <li>at that Al, the cheapest split of 1..63 into bands, by dynamic programming over the split points.</li>
 * </ol>
 * First-scan statistics come from one {@link BandGrid} per component and Al, refinements from
 * {@link BandStatistics}. (Searching the bands of the neighbouring Al values as well saved under 0.1 % for
 * a quarter more search time.)
 * The fixed jpgcrush script lies inside this search space, so where the cost has that single minimum the chosen
 * script is never estimated larger; only byte stuffing (~0.4 %) is left out of the estimate.
 */
final class ScanSearch {

    /** Band boundaries (last coefficient of a band); mozjpeg tries 2, 8, 5, 12, 18. */
    private static final int[] BOUNDS = {0, 1, 2, 3, 5, 8, 12, 18, 27, 40, 63};
    private static final int MAX_AL_LUMA = 3;
    private static final int MAX_AL_CHROMA = 2;
    /** At most this many candidates per statistics task, so that a big component spreads over the pool. */
    private static final int MAX_CANDIDATES_PER_TASK = 64;

    /** The chosen script and, for its AC scans, the statistics the search already gathered. */
    record Result(List<Scan> script, Map<Scan, SymbolCounter> statistics, SignificanceMasks[] masks) {
    }

    private ScanSearch() {
    }

    static List<Scan> search(CoefficientPlanes planes, int restartInterval, WorkerPool pool) {
        return searchWithStatistics(planes, restartInterval, pool).script();
    }

    static Result searchWithStatistics(CoefficientPlanes planes, int restartInterval, WorkerPool pool) {
        int components = planes.layout().componentCount();
        var statistics = new HashMap<Scan, SymbolCounter>();
        SignificanceMasks[] masks = masks(planes, MAX_AL_LUMA, pool);

        var grids = new BandGrid[components][];
        int[] chosenAl = pointTransforms(planes, masks, restartInterval, pool, grids, statistics);

        // Stage 2: the bands at that Al.
        var stage2 = new ArrayList<Callable<Void>>();
        for (int c = 0; c < components; c++) {
            stage2.add(countEobRuns(grids[c][chosenAl[c]], masks[c], allBands(c, chosenAl[c]), restartInterval));
        }
        pool.invokeAll(stage2);
        var bands = new ArrayList<List<Scan>>();
        for (int c = 0; c < components; c++) {
            BandGrid grid = grids[c][chosenAl[c]];
            List<Scan> chosen = bestBands(c, chosenAl[c], grid);
            for (Scan band : chosen) {
                statistics.put(band, grid.counter(band));
            }
            bands.add(chosen);
        }

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
        var used = new HashMap<Scan, SymbolCounter>();
        for (Scan s : script) {
            if (statistics.containsKey(s)) {
                used.put(s, statistics.get(s));
            }
        }
        return new Result(List.copyOf(script), used, masks);
    }

    /**
     * Stage 1: the point transform of each component, raised while that pays. Al 0 and 1 are priced together,
     * a higher one only for the components whose cost still fell at the one before. Fills {@code grids} at
     * every Al priced and {@code statistics} with the refinements priced.
     */
    private static int[] pointTransforms(CoefficientPlanes planes, SignificanceMasks[] masks, int restartInterval,
                                         WorkerPool pool, BandGrid[][] grids, Map<Scan, SymbolCounter> statistics) {
        int components = grids.length;
        long[] best = new long[components];
        long[] refinementCost = new long[components]; // the refinements down to bit 0 that Al needs, priced once
        int[] chosenAl = new int[components];
        for (int c = 0; c < components; c++) {
            grids[c] = new BandGrid[maxAl(c) + 1];
            best[c] = Long.MAX_VALUE;
        }
        var open = new ArrayList<PointTransform>(); // to price in this round
        for (int c = 0; c < components; c++) {
            open.add(new PointTransform(c, 0));
            open.add(new PointTransform(c, 1));
        }
        while (!open.isEmpty()) {
            priceAl(planes, masks, open, restartInterval, pool, grids, statistics);
            var next = new ArrayList<PointTransform>();
            for (PointTransform candidate : open) {
                int c = candidate.component();
                int al = candidate.al();
                if (al > 0) {
                    refinementCost[c] += bits(statistics.get(Scan.ac(c, 1, 63, al, al - 1)));
                }
                long cost = refinementCost[c];
                for (Scan half : halves(c, al)) {
                    cost += grids[c][al].bits(half);
                }
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
        var statistics = new HashMap<Scan, SymbolCounter>();
        int maxAl = script.stream().mapToInt(Scan::al).max().orElse(0);
        SignificanceMasks[] masks = masks(planes, maxAl, pool);
        gather(planes, masks, script.stream().filter(s -> !s.isDc()).toList(), restartInterval, pool, statistics);
        return new Result(script, statistics, masks);
    }

    private static int maxAl(int component) {
        return component == 0 ? MAX_AL_LUMA : MAX_AL_CHROMA;
    }

    /** Bands 1–8 and 9–63, which price each Al in stage 1. */
    private static List<Scan> halves(int component, int al) {
        return List.of(Scan.ac(component, 1, 8, 0, al), Scan.ac(component, 9, 63, 0, al));
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

    private static Callable<Void> countEobRuns(BandGrid grid, SignificanceMasks masks, List<Scan> bands,
                                               int restartInterval) {
        return () -> {
            grid.countEobRuns(masks, bands, restartInterval);
            return null;
        };
    }

    /** A component's first AC scans at point transform {@code al}. */
    private record PointTransform(int component, int al) {
    }

    /** One point transform's price list: its grid, and the refinement to the bit below (null at Al 0). */
    private record PricedAl(BandGrid grid, Scan refinement, SymbolCounter refinementStatistics) {
    }

    /**
     * Prices the candidates' point transforms, one task each: the grid at Al with the EOB runs of
     * {@link #halves} counted and, for Al &gt; 0, the statistics of the refinement from Al to Al − 1.
     */
    private static void priceAl(CoefficientPlanes planes, SignificanceMasks[] masks, List<PointTransform> candidates,
                                int restartInterval, WorkerPool pool, BandGrid[][] grids,
                                Map<Scan, SymbolCounter> statistics) {
        var jobs = new ArrayList<Callable<PricedAl>>();
        for (PointTransform candidate : candidates) {
            int c = candidate.component();
            int al = candidate.al();
            jobs.add(() -> {
                BandGrid grid = BandGrid.gather(planes, masks[c], al, BOUNDS);
                grid.countEobRuns(masks[c], halves(c, al), restartInterval);
                if (al == 0) {
                    return new PricedAl(grid, null, null);
                }
                Scan refinement = Scan.ac(c, 1, 63, al, al - 1);
                return new PricedAl(grid, refinement,
                        BandStatistics.gather(planes, masks[c], new Scan[] {refinement}, restartInterval)[0]);
            });
        }
        List<PricedAl> done = pool.invokeAll(jobs);
        for (int i = 0; i < candidates.size(); i++) {
            PricedAl priced = done.get(i);
            grids[candidates.get(i).component()][candidates.get(i).al()] = priced.grid();
            if (priced.refinement() != null) {
                statistics.put(priced.refinement(), priced.refinementStatistics());
            }
        }
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
