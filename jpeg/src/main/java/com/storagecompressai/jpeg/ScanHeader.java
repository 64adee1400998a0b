package com.storagecompressai.jpeg;

/** SOS (T.81 B.2.3): the components of a scan with their table selectors, spectral band and bit positions. */
record ScanHeader(Scan scan, FrameLayout layout, int[] dcTables, int[] acTables) implements Segment {

    @Override
    public void writeTo(ByteSink out) {
        int n = scan.components().length;
        Segment.marker(out, 0xDA);
        out.writeShort(6 + 2 * n);
        out.write(n);
        for (int i = 0; i < n; i++) {
            out.write(layout.component(scan.components()[i]).id());
            out.write((dcTables[i] << 4) | acTables[i]);
        }
        out.write(scan.ss());
        out.write(scan.se());
        out.write((scan.ah() << 4) | scan.al());
    }
}
