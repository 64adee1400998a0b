package com.storagecompressai.jpeg.quant;

/** The zig-zag sequence of ITU-T T.81 Figure A.6, in both directions. The arrays are shared: never write to them. */
public final class ZigZag {

    /** {@code NATURAL_ORDER[k]} is the row-major index of the k-th coefficient in zig-zag order. */
    public static final int[] NATURAL_ORDER = {
             0,  1,  8, 16,  9,  2,  3, 10,
            17, 24, 32, 25, 18, 11,  4,  5,
            12, 19, 26, 33, 40, 48, 41, 34,
            27, 20, 13,  6,  7, 14, 21, 28,
            35, 42, 49, 56, 57, 50, 43, 36,
            29, 22, 15, 23, 30, 37, 44, 51,
            58, 59, 52, 45, 38, 31, 39, 46,
            53, 60, 61, 54, 47, 55, 62, 63
    };

    /** {@code ZIGZAG_INDEX[n]} is the zig-zag position of row-major index n. */
    public static final int[] ZIGZAG_INDEX = new int[64];

    static {
        for (int k = 0; k < 64; k++) {
            ZIGZAG_INDEX[NATURAL_ORDER[k]] = k;
        }
    }

    private ZigZag() {
    }
}
