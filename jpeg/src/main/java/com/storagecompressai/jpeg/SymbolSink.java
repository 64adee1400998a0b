package com.storagecompressai.jpeg;

/**
 * Where a scan's entropy coder sends its output: Huffman symbols (by table slot: DC tables 0..3, AC tables
 * 4..7) and raw bits. One implementation counts, the other writes, so statistics and output come from the
 * same code path (T.81 Annex F and G).
 */
sealed interface SymbolSink permits SymbolCounter, HuffmanBitSink {

    int AC = 4;

    void symbol(int slot, int symbol);

    void bits(int value, int n);

    /** Ends a restart interval: pads to a byte and writes RSTm. */
    void restart(int m);

    /** Ends the scan's entropy-coded data. */
    void finish();
}
