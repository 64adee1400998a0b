package com.storagecompressai.jpeg;

/**
 * Turns one row of DCT blocks of one component into quantized coefficients. Implementations are called
 * from several threads at once, each on its own rows, and must give results that depend only on the
 * arguments.
 */
interface BlockQuantizer {

    /**
     * @param component component index in the frame
     * @param dct       {@code blocks * 64} orthonormal coefficients, natural order
     * @param out       destination plane: {@code blocks * 64} values in zig-zag order from {@code outOffset}
     * @param aq        adaptive-quantization strength per block from {@code aqOffset}, or null
     * @param startDc   the quantized DC that the row's DC chain continues from
     */
    void quantizeRow(int component, float[] dct, int blocks, short[] out, int outOffset, float[] aq, int aqOffset,
                     int startDc);

    /** The plainly rounded quantized DC for an orthonormal DC coefficient. */
    int plainDc(int component, float dc);
}
