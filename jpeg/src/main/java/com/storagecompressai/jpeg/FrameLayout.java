package com.storagecompressai.jpeg;

import java.util.List;

/** Geometry of a frame: components, maximum sampling factors and the MCU grid (T.81 A.1.1, A.2). */
record FrameLayout(int width, int height, List<ComponentLayout> components, int hMax, int vMax,
                   int mcusWide, int mcusHigh) {

    static FrameLayout of(int width, int height, ColorChannels channels, ChromaSubsampling subsampling) {
        if (channels == ColorChannels.GRAY) {
            return build(width, height, new int[][] {{1, 1}});
        }
        int[] luma = switch (subsampling) {
            case S420 -> new int[] {2, 2};
            case S422 -> new int[] {2, 1};
            case S444 -> new int[] {1, 1};
        };
        return build(width, height, new int[][] {luma, {1, 1}, {1, 1}});
    }

    private static FrameLayout build(int width, int height, int[][] factors) {
        int hMax = 1;
        int vMax = 1;
        for (int[] f : factors) {
            hMax = Math.max(hMax, f[0]);
            vMax = Math.max(vMax, f[1]);
        }
        int mcusWide = ceilDiv(width, 8 * hMax);
        int mcusHigh = ceilDiv(height, 8 * vMax);
        var components = new ComponentLayout[factors.length];
        for (int i = 0; i < factors.length; i++) {
            int h = factors[i][0];
            int v = factors[i][1];
            // T.81 A.1.1: x_i = ceil(X * H_i / H_max)
            int w = ceilDiv(width * h, hMax);
            int ht = ceilDiv(height * v, vMax);
            components[i] = new ComponentLayout(i + 1, i, h, v, i == 0 ? 0 : 1, w, ht,
                    ceilDiv(w, 8), ceilDiv(ht, 8), mcusWide * h, mcusHigh * v);
        }
        return new FrameLayout(width, height, List.of(components), hMax, vMax, mcusWide, mcusHigh);
    }

    ComponentLayout component(int index) {
        return components.get(index);
    }

    int componentCount() {
        return components.size();
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
