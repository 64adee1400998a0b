package com.storagecompressai.jpeg;

import java.util.ArrayList;
import java.util.List;

/** Test-side walk over a JPEG's marker segments (entropy-coded data skipped). */
final class MarkerScan {

    record Marker(int code, byte[] payload) {
    }

    private MarkerScan() {
    }

    static List<Marker> of(byte[] jpeg) {
        var markers = new ArrayList<Marker>();
        if ((jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            throw new AssertionError("no SOI");
        }
        markers.add(new Marker(0xD8, new byte[0]));
        int p = 2;
        while (p < jpeg.length) {
            if ((jpeg[p] & 0xFF) != 0xFF) {
                throw new AssertionError("expected a marker at " + p);
            }
            int code = jpeg[p + 1] & 0xFF;
            p += 2;
            if (code == 0xD9) {
                markers.add(new Marker(code, new byte[0]));
                if (p != jpeg.length) {
                    throw new AssertionError("bytes after EOI");
                }
                break;
            }
            if (code >= 0xD0 && code <= 0xD7) {
                markers.add(new Marker(code, new byte[0]));
            } else {
                int len = ((jpeg[p] & 0xFF) << 8) | (jpeg[p + 1] & 0xFF);
                markers.add(new Marker(code, java.util.Arrays.copyOfRange(jpeg, p + 2, p + len)));
                p += len;
            }
            if (code == 0xDA || (code >= 0xD0 && code <= 0xD7)) {
                // skip entropy-coded data: stop at a marker that is not a stuffed zero
                while (!((jpeg[p] & 0xFF) == 0xFF && (jpeg[p + 1] & 0xFF) != 0)) {
                    p++;
                }
            }
        }
        return markers;
    }

    static List<Integer> codes(byte[] jpeg) {
        return of(jpeg).stream().map(Marker::code).toList();
    }
}
