package com.storagecompressai.imaging;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Fixtures that need an ImageIO writer driven by hand: JPEG variants and animated GIF. */
final class TestEncoders {

    private TestEncoders() {
    }

    static byte[] linearRgbProfile() {
        return ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
    }

    /** The JDK's own JPEG writer (4:2:0, quality 0.95). */
    static byte[] jpeg(BufferedImage image, boolean progressive) throws Exception {
        ImageWriter writer = jdkWriter("jpeg");
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.95f);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
            out.flush();
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }

    /**
     * A 16x16 4-component JPEG of {@code stored} samples written from a raw raster (no colour transform),
     * plus an Adobe APP14 marker: transform 0 makes readers take it as inverted CMYK, 2 as YCCK.
     */
    static byte[] fourComponentJpeg(int transform, int[] stored) throws Exception {
        WritableRaster raster = WritableRaster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 16, 4, null);
        for (int row = 0; row < 16; row++) {
            for (int col = 0; col < 16; col++) {
                raster.setPixel(col, row, stored);
            }
        }
        ImageWriter writer = jdkWriter("jpeg");
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), null);
            out.flush();
            byte[] raw = bytes.toByteArray();
            byte[] adobe = {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform};
            return insertAfterSoi(raw, 0xEE, adobe);
        } finally {
            writer.dispose();
        }
    }

    static byte[] insertAfterSoi(byte[] jpeg, int marker, byte[] payload) {
        int length = payload.length + 2;
        byte[] segment = TestImages.concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length},
                payload);
        // drop any JFIF APP0 the writer produced: JFIF promises YCbCr, which contradicts four components
        int start = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
            start = 4 + ((jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF));
        }
        return TestImages.concat(Arrays.copyOf(jpeg, 2), segment, Arrays.copyOfRange(jpeg, start, jpeg.length));
    }

    static byte[] twoFrameGif(BufferedImage first, BufferedImage second) throws Exception {
        ImageWriter writer = jdkWriter("gif");
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : new BufferedImage[] {first, second}) {
                IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), null);
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(metadata.getNativeMetadataFormatName());
                IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
                control.setAttribute("disposalMethod", "none");
                control.setAttribute("userInputFlag", "FALSE");
                control.setAttribute("transparentColorFlag", "FALSE");
                control.setAttribute("delayTime", "10");
                control.setAttribute("transparentColorIndex", "0");
                root.appendChild(control);
                metadata.setFromTree(metadata.getNativeMetadataFormatName(), root);
                writer.writeToSequence(new IIOImage(frame, null, metadata), null);
            }
            writer.endWriteSequence();
            out.flush();
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }

    static ImageWriter jdkWriter(String format) {
        var writers = ImageIO.getImageWritersByFormatName(format);
        ImageWriter chosen = null;
        while (writers.hasNext()) {
            ImageWriter candidate = writers.next();
            if (chosen == null || candidate.getClass().getName().startsWith("com.sun.")) {
                chosen = candidate;
            }
        }
        return chosen;
    }
}
