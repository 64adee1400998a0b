package com.storagecompressai.jpeg;

/** APP0 "JFIF" (JFIF 1.02 §4): version 1.01, aspect ratio 1:1 without units, no thumbnail. */
record JfifSegment() implements Segment {

    @Override
    public void writeTo(ByteSink out) {
        Segment.marker(out, 0xE0);
        out.writeShort(16);
        out.write(new byte[] {'J', 'F', 'I', 'F', 0});
        out.write(1);
        out.write(1);
        out.write(0);
        out.writeShort(1);
        out.writeShort(1);
        out.write(0);
        out.write(0);
    }
}
