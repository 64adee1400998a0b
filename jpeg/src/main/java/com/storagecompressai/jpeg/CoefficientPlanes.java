package com.storagecompressai.jpeg;

/**
 * The quantized coefficients of a whole frame: one {@code short[]} plane per component, 64 values a block in
 * zig-zag order, blocks in raster order over the MCU-padded block grid.
 */
record CoefficientPlanes(FrameLayout layout, short[][] planes) {

    static CoefficientPlanes allocate(FrameLayout layout) {
        short[][] planes = new short[layout.componentCount()][];
        for (int c = 0; c < planes.length; c++) {
            planes[c] = new short[layout.component(c).paddedBlockCount() * 64];
        }
        return new CoefficientPlanes(layout, planes);
    }

    short[] plane(int component) {
        return planes[component];
    }
}
