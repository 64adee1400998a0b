package com.storagecompressai.jpeg;

/**
 * Child process of {@link BoundedMemoryIT}: encodes a synthetic RGB image of the given size with the default
 * options and exits 0 when it fits in the heap it was given.
 */
public final class MemoryProbeMain {

    private MemoryProbeMain() {
    }

    public static void main(String[] args) {
        int width = Integer.parseInt(args[0]);
        int height = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                rgb[i] = (byte) (x * 255 / width);
                rgb[i + 1] = (byte) ((x ^ y) & 0xFF);
                rgb[i + 2] = (byte) (y * 255 / height);
            }
        }
        var image = new RasterImage(width, height, ColorChannels.RGB, rgb);
        try (var encoder = new JpegEncoder(threads)) {
            byte[] jpeg = encoder.encode(image, EncoderOptions.defaults());
            System.out.println("encoded " + jpeg.length + " bytes");
        }
    }
}
