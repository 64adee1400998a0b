package com.storagecompressai.jpeg;

/** The two 8-bit quantization tables of a frame (T.81 B.2.4.1), natural order, values 1..255. */
record QuantizationTables(int[] luma, int[] chroma) {

    QuantizationTables {
        check(luma, "luma");
        check(chroma, "chroma");
    }

    static QuantizationTables of(com.storagecompressai.jpeg.quant.QuantTables tables) {
        return new QuantizationTables(tables.luma(), tables.chroma());
    }

    int[] forTable(int tableIndex) {
        return tableIndex == 0 ? luma : chroma;
    }

    private static void check(int[] table, String name) {
        if (table.length != 64) {
            throw new IllegalArgumentException(name + " table needs 64 entries, got " + table.length);
        }
        for (int q : table) {
            if (q < 1 || q > 255) {
                throw new IllegalArgumentException(name + " table entry out of 1..255: " + q);
            }
        }
    }
}
