package com.storagecompressai.jpeg;

/** PSNR over all samples of two images of equal size and layout. */
final class Psnr {

    private Psnr() {
    }

    static double of(RasterImage a, RasterImage b) {
        if (a.width() != b.width() || a.height() != b.height() || a.channels() != b.channels()) {
            throw new AssertionError("size/channels differ: " + a.width() + "x" + a.height() + " " + a.channels()
                    + " vs " + b.width() + "x" + b.height() + " " + b.channels());
        }
        byte[] x = a.samples();
        byte[] y = b.samples();
        double se = 0;
        for (int i = 0; i < x.length; i++) {
            int d = (x[i] & 0xFF) - (y[i] & 0xFF);
            se += d * d;
        }
        if (se == 0) {
            return 99;
        }
        return 10 * Math.log10(255.0 * 255.0 * x.length / se);
    }
}
