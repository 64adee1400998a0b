package com.storagecompressai.jpeg;

import java.util.List;

/** Fixed scan scripts. */
final class ScanScripts {

    private ScanScripts() {
    }

    static List<Scan> sequential(FrameLayout layout) {
        return List.of(new Scan(allComponents(layout), 0, 63, 0, 0));
    }

    /**
     * The jpgcrush script mozjpeg uses without scan search ({@code jpeg_scan_rgb.txt} / {@code jpeg_scan_bw.txt}):
     * DC of all components; luma 1–8 and 9–63 at Al 2 with two refinements; chroma 1–8 and 9–63 at full precision.
     */
    static List<Scan> fixedProgressive(FrameLayout layout) {
        if (layout.componentCount() == 1) {
            return List.of(
                    Scan.dc(new int[] {0}, 0, 0),
                    Scan.ac(0, 1, 8, 0, 2),
                    Scan.ac(0, 9, 63, 0, 2),
                    Scan.ac(0, 1, 63, 2, 1),
                    Scan.ac(0, 1, 63, 1, 0));
        }
        return List.of(
                Scan.dc(new int[] {0, 1, 2}, 0, 0),
                Scan.ac(0, 1, 8, 0, 2),
                Scan.ac(1, 1, 8, 0, 0),
                Scan.ac(2, 1, 8, 0, 0),
                Scan.ac(0, 9, 63, 0, 2),
                Scan.ac(0, 1, 63, 2, 1),
                Scan.ac(0, 1, 63, 1, 0),
                Scan.ac(1, 9, 63, 0, 0),
                Scan.ac(2, 9, 63, 0, 0));
    }

    /**
     * libjpeg's {@code jpeg_simple_progression} (what {@code cjpeg -progressive} writes): DC at Al 1 with a
     * refinement, spectral selection and successive approximation for every component.
     */
    static List<Scan> standardProgressive(FrameLayout layout) {
        int[] all = allComponents(layout);
        if (layout.componentCount() == 1) {
            return List.of(
                    Scan.dc(all, 0, 1),
                    Scan.ac(0, 1, 5, 0, 2),
                    Scan.ac(0, 6, 63, 0, 2),
                    Scan.ac(0, 1, 63, 2, 1),
                    Scan.dc(all, 1, 0),
                    Scan.ac(0, 1, 63, 1, 0));
        }
        return List.of(
                Scan.dc(all, 0, 1),
                Scan.ac(0, 1, 5, 0, 2),
                Scan.ac(2, 1, 63, 0, 1),
                Scan.ac(1, 1, 63, 0, 1),
                Scan.ac(0, 6, 63, 0, 2),
                Scan.ac(0, 1, 63, 2, 1),
                Scan.dc(all, 1, 0),
                Scan.ac(2, 1, 63, 1, 0),
                Scan.ac(1, 1, 63, 1, 0),
                Scan.ac(0, 1, 63, 1, 0));
    }

    static int[] allComponents(FrameLayout layout) {
        int[] all = new int[layout.componentCount()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return all;
    }
}
