package com.storagecompressai.jpeg;

/** DRI (T.81 B.2.4.4): a restart marker every {@code interval} MCUs. */
record RestartIntervalSegment(int interval) implements Segment {

    @Override
    public void writeTo(ByteSink out) {
        Segment.marker(out, 0xDD);
        out.writeShort(4);
        out.writeShort(interval);
    }
}
