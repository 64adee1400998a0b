package com.storagecompressai.jpeg;

/**
 * For each block of one component (in non-interleaved scan order), a 64-bit mask of the zig-zag positions whose
 * magnitude survives the point transform Al ({@code |v| >> Al != 0}), for Al = 0..maxAl. Lets the scan search
 * skip the many blocks where a candidate band is empty without touching the coefficients.
 */
record SignificanceMasks(int component, long[][] byAl) {

    static SignificanceMasks of(CoefficientPlanes planes, int component, int maxAl) {
        ComponentLayout comp = planes.layout().component(component);
        short[] plane = planes.plane(component);
        int count = comp.blocksWide() * comp.blocksHigh();
        long[][] masks = new long[maxAl + 1][count];
        int b = 0;
        for (int by = 0; by < comp.blocksHigh(); by++) {
            for (int bx = 0; bx < comp.blocksWide(); bx++, b++) {
                int o = comp.blockOffset(bx, by);
                long any = 0;
                for (int k = 1; k < 64; k++) {
                    int v = plane[o + k];
                    any |= (long) ((v | -v) >>> 31) << k;
                }
                masks[0][b] = any;
                for (int al = 1; al <= maxAl && any != 0; al++) {
                    long m = 0;
                    for (long bits = any; bits != 0; bits &= bits - 1) {
                        int k = Long.numberOfTrailingZeros(bits);
                        int v = plane[o + k];
                        if ((v < 0 ? -v : v) >> al != 0) {
                            m |= 1L << k;
                        }
                    }
                    masks[al][b] = m;
                    any = m;
                }
            }
        }
        return new SignificanceMasks(component, masks);
    }

    int maxAl() {
        return byAl.length - 1;
    }
}
