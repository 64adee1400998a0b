package com.storagecompressai.jpeg;

import com.storagecompressai.jpeg.quant.QuantPlan;
import com.storagecompressai.jpeg.quant.TrellisQuantizer;

/**
 * Adapts the rate-distortion quantizers of {@link com.storagecompressai.jpeg.quant} (trellis, dead zone, AQ) to
 * the pipeline: one {@link TrellisQuantizer} per component, priced with the given Huffman code lengths
 * (null = Annex K, the first trellis pass).
 */
final class PlanQuantizer implements BlockQuantizer {

    private final TrellisQuantizer[] quantizers;

    PlanQuantizer(QuantPlan plan, FrameLayout layout, HuffmanTable[] dcTables, HuffmanTable[] acTables) {
        quantizers = new TrellisQuantizer[layout.componentCount()];
        for (int c = 0; c < quantizers.length; c++) {
            int t = layout.component(c).quantTable();
            int[] dc = dcTables == null ? null : dcTables[t].codeLengths();
            int[] ac = acTables == null ? null : acTables[t].codeLengths();
            quantizers[c] = plan.quantizer(c == 0 ? 0 : 1, dc, ac);
        }
    }

    @Override
    public void quantizeRow(int component, float[] dct, int blocks, short[] out, int outOffset, float[] aq,
                            int aqOffset, int startDc) {
        quantizers[component].quantizeRow(dct, 0, blocks, out, outOffset, aq, aqOffset, startDc);
    }

    @Override
    public int plainDc(int component, float dc) {
        return quantizers[component].plainDc(dc);
    }
}
