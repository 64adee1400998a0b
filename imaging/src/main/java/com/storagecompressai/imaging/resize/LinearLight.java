package com.storagecompressai.imaging.resize;

/** sRGB 8-bit values to linear light and back, rounding in the sRGB domain (exact round trip). */
final class LinearLight {

    private static final float[] TO_LINEAR = new float[256];
    /** THRESHOLDS[k] is the linear value of sRGB k + 0.5: at or above it, the value rounds to k + 1 or more. */
    private static final float[] THRESHOLDS = new float[255];

    static {
        for (int value = 0; value < 256; value++) {
            TO_LINEAR[value] = (float) decode(value / 255.0);
        }
        for (int k = 0; k < 255; k++) {
            THRESHOLDS[k] = (float) decode((k + 0.5) / 255.0);
        }
    }

    private LinearLight() {
    }

    static float toLinear(int srgb) {
        return TO_LINEAR[srgb];
    }

    static byte toSrgb(float linear) {
        int low = 0;
        int high = 255;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (linear >= THRESHOLDS[mid]) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return (byte) low;
    }

    private static double decode(double encoded) {
        return encoded <= 0.04045 ? encoded / 12.92 : Math.pow((encoded + 0.055) / 1.055, 2.4);
    }
}
