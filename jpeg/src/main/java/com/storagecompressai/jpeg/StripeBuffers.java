package com.storagecompressai.jpeg;

/**
 * Float buffers that a thread reuses from one stripe to the next: a stripe of a 9.5 MP photo needs ~3 MB of
 * scratch, and allocating it afresh for each of its ~50 stripes and both trellis passes keeps the collector busy.
 * Contents are left over from earlier use: callers overwrite what they read.
 */
final class StripeBuffers {

    /**
     * Larger buffers (a plane stripe over 16384 pixels wide) are handed out but not kept, so an unusually wide image
     * does not pin tens of megabytes in every encoder thread.
     */
    private static final int KEEP_AT_MOST = 1 << 20;
    private static final ThreadLocal<StripeBuffers> OF_THREAD = ThreadLocal.withInitial(StripeBuffers::new);

    private final float[][] kept = new float[8][];

    private StripeBuffers() {
    }

    static StripeBuffers ofThisThread() {
        return OF_THREAD.get();
    }

    /** Buffer number {@code slot} (0..7) with at least {@code length} floats. */
    float[] floats(int slot, int length) {
        float[] buffer = kept[slot];
        if (buffer != null && buffer.length >= length) {
            return buffer;
        }
        buffer = new float[length];
        kept[slot] = length <= KEEP_AT_MOST ? buffer : null;
        return buffer;
    }
}
