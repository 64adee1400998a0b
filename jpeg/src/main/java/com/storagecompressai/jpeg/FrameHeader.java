package com.storagecompressai.jpeg;

/** SOF0 (baseline) or SOF2 (progressive), 8-bit samples (T.81 B.2.2). */
record FrameHeader(boolean progressive, FrameLayout layout) implements Segment {

    @Override
    public void writeTo(ByteSink out) {
        Segment.marker(out, progressive ? 0xC2 : 0xC0);
        out.writeShort(8 + 3 * layout.componentCount());
        out.write(8);
        out.writeShort(layout.height());
        out.writeShort(layout.width());
        out.write(layout.componentCount());
        for (ComponentLayout c : layout.components()) {
            out.write(c.id());
            out.write((c.h() << 4) | c.v());
            out.write(c.quantTable());
        }
    }
}
