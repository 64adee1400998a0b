package com.storagecompressai.jpeg;

/**
 * Box-filter chroma downsampling (libjpeg {@code jcsample.c}, without its integer rounding bias since we stay
 * in float). Box averaging matches JFIF's centred chroma siting.
 */
final class Downsampler {

    private Downsampler() {
    }

    /**
     * Averages {@code sx x sy} cells of {@code src} (width {@code srcWidth}, {@code srcRows} rows) into
     * {@code dst} (width {@code srcWidth / sx}).
     */
    static void box(float[] src, int srcWidth, int srcRows, int sx, int sy, float[] dst) {
        int dstWidth = srcWidth / sx;
        int dstRows = srcRows / sy;
        if (sx == 1 && sy == 1) {
            System.arraycopy(src, 0, dst, 0, srcWidth * srcRows);
        } else if (sx == 2 && sy == 2) {
            for (int r = 0; r < dstRows; r++) {
                int a = 2 * r * srcWidth;
                int b = a + srcWidth;
                int d = r * dstWidth;
                for (int c = 0; c < dstWidth; c++, a += 2, b += 2) {
                    dst[d + c] = (src[a] + src[a + 1] + src[b] + src[b + 1]) * 0.25f;
                }
            }
        } else if (sx == 2 && sy == 1) {
            for (int r = 0; r < dstRows; r++) {
                int a = r * srcWidth;
                int d = r * dstWidth;
                for (int c = 0; c < dstWidth; c++, a += 2) {
                    dst[d + c] = (src[a] + src[a + 1]) * 0.5f;
                }
            }
        } else {
            float norm = 1f / (sx * sy);
            for (int r = 0; r < dstRows; r++) {
                for (int c = 0; c < dstWidth; c++) {
                    float sum = 0;
                    for (int j = 0; j < sy; j++) {
                        int a = (r * sy + j) * srcWidth + c * sx;
                        for (int i = 0; i < sx; i++) {
                            sum += src[a + i];
                        }
                    }
                    dst[r * dstWidth + c] = sum * norm;
                }
            }
        }
    }
}
