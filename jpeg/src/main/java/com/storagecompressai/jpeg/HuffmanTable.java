package com.storagecompressai.jpeg;

/**
 * A Huffman table as a DHT carries it (T.81 B.2.4.2): {@code counts[l]} codes of length l (1..16) and the
 * symbol values in order of increasing code length.
 */
record HuffmanTable(int[] counts, int[] values) {

    HuffmanTable {
        if (counts.length != 17) {
            throw new IllegalArgumentException("counts must be indexed 1..16");
        }
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        if (total != values.length || total > 256) {
            throw new IllegalArgumentException("counts sum to " + total + " but there are " + values.length + " values");
        }
    }

    /** Payload bytes of this table in a DHT segment (Tc/Th byte, 16 counts, values). */
    int segmentBytes() {
        return 17 + values.length;
    }

    /**
     * Code lengths per symbol (0 = symbol absent), from T.81 Annex C.
     */
    int[] codeLengths() {
        int[] lengths = new int[256];
        int k = 0;
        for (int l = 1; l <= 16; l++) {
            for (int i = 0; i < counts[l]; i++) {
                lengths[values[k++]] = l;
            }
        }
        return lengths;
    }

    /** The code of each symbol (T.81 C.2: codes assigned in order of length, then of listing). */
    HuffmanCodes codes() {
        int[] code = new int[256];
        int[] length = new int[256];
        int next = 0;
        int k = 0;
        for (int l = 1; l <= 16; l++) {
            for (int i = 0; i < counts[l]; i++) {
                code[values[k]] = next++;
                length[values[k]] = l;
                k++;
            }
            next <<= 1;
        }
        return new HuffmanCodes(code, length);
    }
}
