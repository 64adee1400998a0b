package com.storagecompressai.gateway.engine;

import java.util.Optional;

/** Reads width and height from a JPEG's start-of-frame segment (ITU-T T.81, B.2.2) without decoding it. */
record JpegSize(int width, int height) {

    static Optional<JpegSize> of(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            return Optional.empty();
        }
        int at = 2;
        while (at + 4 <= jpeg.length) {
            if ((jpeg[at] & 0xFF) != 0xFF) {
                return Optional.empty();
            }
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            if (isStartOfFrame(marker) && at + 9 <= jpeg.length) {
                int height = ((jpeg[at + 5] & 0xFF) << 8) | (jpeg[at + 6] & 0xFF);
                int width = ((jpeg[at + 7] & 0xFF) << 8) | (jpeg[at + 8] & 0xFF);
                return Optional.of(new JpegSize(width, height));
            }
            at += 2 + length;
        }
        return Optional.empty();
    }

    private static boolean isStartOfFrame(int marker) {
        // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }
}
