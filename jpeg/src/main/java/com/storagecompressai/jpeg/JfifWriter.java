package com.storagecompressai.jpeg;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out the interchange format (T.81 B.2, JFIF 1.02): SOI, APP0 JFIF, APP2 ICC chunks, one DQT, SOF0/SOF2,
 * DRI, the coded scans, EOI.
 */
final class JfifWriter {

    private JfifWriter() {
    }

    static byte[] write(FrameLayout layout, QuantizationTables tables, EncoderOptions options, List<byte[]> scans) {
        long total = 1024L + scans.stream().mapToLong(b -> b.length).sum()
                + (options.iccProfile() == null ? 0 : options.iccProfile().length + 4096L);
        var out = new ByteSink((int) Math.min(Integer.MAX_VALUE - 64, total));
        Segment.marker(out, Segment.SOI);
        var segments = new ArrayList<Segment>();
        segments.add(new JfifSegment());
        if (options.iccProfile() != null) {
            segments.addAll(IccProfileSegment.chunks(options.iccProfile()));
        }
        segments.add(new QuantizationSegment(layout.componentCount() == 1
                ? List.of(tables.luma()) : List.of(tables.luma(), tables.chroma())));
        segments.add(new FrameHeader(options.progressive(), layout));
        if (options.restartInterval() > 0) {
            segments.add(new RestartIntervalSegment(options.restartInterval()));
        }
        for (Segment s : segments) {
            s.writeTo(out);
        }
        for (byte[] scan : scans) {
            out.write(scan);
        }
        Segment.marker(out, Segment.EOI);
        return out.toByteArray();
    }
}
