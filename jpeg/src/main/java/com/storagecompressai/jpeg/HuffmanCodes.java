package com.storagecompressai.jpeg;

/** Encoder view of a Huffman table: code and length (0 = no code) per symbol (T.81 C.2, EHUFCO/EHUFSI). */
record HuffmanCodes(int[] code, int[] length) {
}
