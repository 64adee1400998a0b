package com.storagecompressai.jpeg;

import com.storagecompressai.jpeg.quant.QuantPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Produces the frame's quantized coefficients in stripes of MCU rows on the worker pool. With trellis, two
 * passes as in mozjpeg ({@code jccoefct.c compress_trellis_pass}): the first prices symbols with the
 * Annex K tables; the statistics of its result give optimal tables, which price the second pass. The first
 * pass covers only a fixed sample of the MCU rows, so the result still never depends on the thread count.
 */
final class QuantizationPasses {

    /** MCU rows per task; fixed, so that results never depend on the thread count. */
    static final int STRIPE_MCU_ROWS = 4;
    /** Pass 1 runs on one MCU row in this many. */
    private static final int PRICING_STEP = 8;

    private QuantizationPasses() {
    }

    static CoefficientPlanes run(RasterImage image, FrameLayout layout, QuantPlan plan, QuantizationTables tables,
                                 WorkerPool pool) {
        CoefficientPlanes planes = CoefficientPlanes.allocate(layout);
        int[] dcQuant = new int[layout.componentCount()];
        for (int c = 0; c < dcQuant.length; c++) {
            dcQuant[c] = tables.forTable(layout.component(c).quantTable())[0];
        }
        var pre = new BlockTransform.Preprocessing(plan.deringing(), dcQuant, plan.adaptive());
        List<McuRows> stripes = stripes(layout);
        if (!plan.trellis() && !plan.adaptive()) {
            transform(image, layout, planes, new RoundingQuantizer(layout, tables), pre, stripes, pool);
            return planes;
        }
        if (!plan.trellis()) {
            transform(image, layout, planes, new PlanQuantizer(plan, layout, null, null), pre, stripes, pool);
            return planes;
        }
        // Pass 1 only prices pass 2: single MCU rows spread over the frame sample it well enough that files
        // stayed within 0.3 % of those priced from a quarter of the frame in stripes (the sample until 2026-12).
        List<McuRows> sample = new ArrayList<>();
        for (int row = 0; row < layout.mcusHigh(); row += PRICING_STEP) {
            sample.add(new McuRows(row, row + 1));
        }
        transform(image, layout, planes, new PlanQuantizer(plan, layout, null, null), pre, sample, pool);
        SymbolCounter stats = SequentialStatistics.gather(planes, ScanScripts.sequential(layout).getFirst(), sample, pool);
        HuffmanTable[] optimal = ScanEncoder.tablesFor(stats);
        HuffmanTable[] dc = {optimal[0], optimal[1]};
        HuffmanTable[] ac = {optimal[SymbolSink.AC], optimal[SymbolSink.AC + 1]};
        transform(image, layout, planes, new PlanQuantizer(plan, layout, dc, ac), pre, stripes, pool);
        return planes;
    }

    /** The frame's MCU rows in stripes of {@link #STRIPE_MCU_ROWS}, the last possibly shorter. */
    private static List<McuRows> stripes(FrameLayout layout) {
        List<McuRows> stripes = new ArrayList<>();
        for (int row = 0; row < layout.mcusHigh(); row += STRIPE_MCU_ROWS) {
            stripes.add(new McuRows(row, Math.min(layout.mcusHigh(), row + STRIPE_MCU_ROWS)));
        }
        return stripes;
    }

    private static void transform(RasterImage image, FrameLayout layout, CoefficientPlanes planes,
                                  BlockQuantizer quantizer, BlockTransform.Preprocessing pre, List<McuRows> stripes,
                                  WorkerPool pool) {
        var stage = new BlockTransform(image, layout, planes, quantizer, pre);
        pool.forEach(stripes, rows -> stage.run(rows.start(), rows.end()));
    }
}
