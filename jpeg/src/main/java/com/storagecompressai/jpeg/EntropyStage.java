package com.storagecompressai.jpeg;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * From fixed coefficients to the coded scans (DHT + SOS + data each): picks the scan script (sequential, fixed
 * progressive, or searched), the Huffman tables (per scan, or shared between AC scans at the default effort),
 * and encodes the scans in parallel. Scans are byte-aligned and independent, so the joined output does not
 * depend on the thread count (brief §4.5).
 */
final class EntropyStage {

    private EntropyStage() {
    }

    static List<byte[]> encode(CoefficientPlanes planes, EncoderOptions options, WorkerPool pool) {
        if (!options.progressive() && options.restartInterval() == 0) {
            // One scan: its stripes are counted and coded in parallel instead.
            Scan only = ScanScripts.sequential(planes.layout()).getFirst();
            List<SymbolCounter> stripes = SequentialStatistics.gatherStripes(planes, only, 0, pool);
            return List.of(new ScanEncoder(planes, false, 0).encodeSequential(only, stripes, pool));
        }
        ScanSearch.Result chosen = scriptFor(planes, options, pool);
        List<Scan> script = chosen.script();
        Map<Scan, HuffmanClustering.Assignment> shared = options.progressive() && options.effort() != Effort.FAST
                ? sharedTables(script, chosen.statistics()) : Map.of();
        var encoder = new ScanEncoder(planes, options.progressive(), options.restartInterval(), chosen.masks());
        var tasks = new ArrayList<Callable<byte[]>>();
        for (Scan scan : script) {
            SymbolCounter statistics = chosen.statistics().get(scan);
            HuffmanClustering.Assignment table = shared.get(scan);
            tasks.add(table == null ? () -> encoder.encode(scan, statistics)
                    : () -> encoder.encodeShared(scan, statistics, table.table(), table.destination(), table.defines()));
        }
        return pool.invokeAll(tasks);
    }

    private static ScanSearch.Result scriptFor(CoefficientPlanes planes, EncoderOptions options, WorkerPool pool) {
        if (!options.progressive()) {
            Scan only = ScanScripts.sequential(planes.layout()).getFirst();
            return new ScanSearch.Result(List.of(only),
                    Map.of(only, SequentialStatistics.gather(planes, only, options.restartInterval(), pool)), null);
        }
        if (options.effort() == Effort.FAST) {
            return ScanSearch.withStatistics(planes, ScanScripts.fixedProgressive(planes.layout()),
                    options.restartInterval(), pool);
        }
        return ScanSearch.searchWithStatistics(planes, options.restartInterval(), pool);
    }

    /** Table sharing between the AC scans whose statistics are known. */
    private static Map<Scan, HuffmanClustering.Assignment> sharedTables(List<Scan> script,
                                                                         Map<Scan, SymbolCounter> statistics) {
        var scans = new ArrayList<Scan>();
        var histograms = new ArrayList<long[]>();
        var positions = new ArrayList<Integer>();
        for (int i = 0; i < script.size(); i++) {
            Scan scan = script.get(i);
            if (!scan.isDc() && statistics.containsKey(scan)) {
                scans.add(scan);
                histograms.add(statistics.get(scan).counts[ScanEncoder.acSlots(scan)[0]]);
                positions.add(i);
            }
        }
        var result = new HashMap<Scan, HuffmanClustering.Assignment>();
        if (scans.isEmpty() || scans.size() > 64) {
            return result;
        }
        List<HuffmanClustering.Assignment> assignments = HuffmanClustering.cluster(scans, histograms,
                positions.stream().mapToInt(Integer::intValue).toArray());
        for (int i = 0; i < scans.size(); i++) {
            result.put(scans.get(i), assignments.get(i));
        }
        return result;
    }
}
