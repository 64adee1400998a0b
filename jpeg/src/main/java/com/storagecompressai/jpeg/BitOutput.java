package com.storagecompressai.jpeg;

/** Destination of entropy-coded bits, MSB first. */
sealed interface BitOutput permits BitWriter, UnstuffedBitWriter {

    /** Writes the low {@code n} bits of {@code value} (0 <= n <= 31). */
    void write(int value, int n);

    /** Ends the bit stream. */
    void flush();

    /** Ends a restart interval with RSTm. */
    void restart(int m);
}
