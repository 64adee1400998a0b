package com.storagecompressai.jpeg;

import com.storagecompressai.jpeg.quant.ZigZag;
import java.util.List;

/** One DQT segment holding every table, 8-bit precision (Pq = 0), values in zig-zag order (T.81 B.2.4.1). */
record QuantizationSegment(List<int[]> tables) implements Segment {

    @Override
    public void writeTo(ByteSink out) {
        Segment.marker(out, 0xDB);
        out.writeShort(2 + 65 * tables.size());
        for (int t = 0; t < tables.size(); t++) {
            int[] natural = tables.get(t);
            out.write(t);
            for (int k = 0; k < 64; k++) {
                out.write(natural[ZigZag.NATURAL_ORDER[k]]);
            }
        }
    }
}
