package com.storagecompressai.jpeg;

import java.util.ArrayList;
import java.util.List;

/**
 * One APP2 "ICC_PROFILE" chunk (ICC.1 Annex B.4): sequence number from 1, chunk count, and at most
 * 65,519 bytes of the profile.
 */
record IccProfileSegment(byte[] profile, int offset, int length, int sequence, int count) implements Segment {

    static final int MAX_CHUNK = 65_519;
    static final int MAX_PROFILE = 255 * MAX_CHUNK;
    private static final byte[] SIGNATURE = {'I', 'C', 'C', '_', 'P', 'R', 'O', 'F', 'I', 'L', 'E', 0};

    static List<IccProfileSegment> chunks(byte[] profile) {
        int count = Math.max(1, (profile.length + MAX_CHUNK - 1) / MAX_CHUNK);
        if (count > 255) {
            throw new IllegalArgumentException("ICC profile of " + profile.length + " bytes needs more than 255 APP2 chunks");
        }
        var chunks = new ArrayList<IccProfileSegment>(count);
        for (int i = 0; i < count; i++) {
            int off = i * MAX_CHUNK;
            chunks.add(new IccProfileSegment(profile, off, Math.min(MAX_CHUNK, profile.length - off), i + 1, count));
        }
        return chunks;
    }

    @Override
    public void writeTo(ByteSink out) {
        Segment.marker(out, 0xE2);
        out.writeShort(2 + SIGNATURE.length + 2 + length);
        out.write(SIGNATURE);
        out.write(sequence);
        out.write(count);
        out.write(profile, offset, length);
    }
}
