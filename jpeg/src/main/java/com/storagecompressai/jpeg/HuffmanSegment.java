package com.storagecompressai.jpeg;

import java.util.List;

/** One DHT segment holding several tables (T.81 B.2.4.2). */
record HuffmanSegment(List<Slot> slots) implements Segment {

    /** A table and where it goes: class 0 = DC, 1 = AC; destination 0..3. */
    record Slot(int tableClass, int destination, HuffmanTable table) {
    }

    int byteCount() {
        return 4 + slots.stream().mapToInt(s -> s.table().segmentBytes()).sum();
    }

    @Override
    public void writeTo(ByteSink out) {
        Segment.marker(out, 0xC4);
        out.writeShort(byteCount() - 2);
        for (Slot s : slots) {
            out.write((s.tableClass() << 4) | s.destination());
            for (int l = 1; l <= 16; l++) {
                out.write(s.table().counts()[l]);
            }
            for (int v : s.table().values()) {
                out.write(v);
            }
        }
    }
}
