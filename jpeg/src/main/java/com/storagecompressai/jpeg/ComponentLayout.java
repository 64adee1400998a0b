package com.storagecompressai.jpeg;

/**
 * One component of the frame (T.81 A.1.1): its sampling factors, its size in samples and in blocks.
 * {@code blocksWide x blocksHigh} blocks cover the component (what a non-interleaved scan codes);
 * {@code paddedBlocksWide x paddedBlocksHigh} fill whole MCUs (what an interleaved scan codes).
 */
record ComponentLayout(int id, int index, int h, int v, int quantTable, int width, int height,
                       int blocksWide, int blocksHigh, int paddedBlocksWide, int paddedBlocksHigh) {

    int blockOffset(int blockX, int blockY) {
        return (blockY * paddedBlocksWide + blockX) * 64;
    }

    int paddedBlockCount() {
        return paddedBlocksWide * paddedBlocksHigh;
    }
}
