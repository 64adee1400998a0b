package com.storagecompressai.imaging;

import com.storagecompressai.jpeg.RasterImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

/**
 * Uploaded bytes to upright 8-bit sRGB pixels: sniffs the format from the magic bytes, refuses images
 * over {@code maxPixels} from their header before any pixel buffer exists, decodes the first frame only,
 * converts colour to sRGB, composites alpha onto white and applies the EXIF orientation.
 *
 * <p>Hostile input ends in one of the three {@link ImageDecodeException}s, never in a plugin's own exception:
 * truncated or corrupt JPEG scan data is refused (ImageIO would fill the gap with grey), a JPEG ICC profile that
 * claims more bytes than it carries is ignored, and a reader stuck reading past the end of the data is stopped.
 *
 * <p>Thread-safe: every call uses its own ImageReader. Does not modify its input.
 */
public final class ImageDecoder {

    /** The JPEG format's own limit on either side. */
    static final int MAX_SIDE = 65_535;

    private final long maxPixels;

    public ImageDecoder(long maxPixels) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
        this.maxPixels = maxPixels;
    }

    public long maxPixels() {
        return maxPixels;
    }

    public RasterImage decode(byte[] bytes) throws ImageDecodeException {
        ImageFormat format = ImageFormat.sniff(bytes).orElseThrow(() -> new UnsupportedFormatException(
                bytes.length == 0 ? "the image is empty"
                        : "unsupported image format: expected JPEG, PNG, GIF, BMP, TIFF or WebP"));
        long declared = DeclaredSizes.largestBuffer(format, bytes);
        if (declared > maxPixels) {
            throw ImageTooLargeException.overDeclaredBuffer(declared, maxPixels);
        }
        EmbeddedMetadata metadata = ContainerMetadata.scan(format, bytes);
        byte[] readable = format == ImageFormat.JPEG ? JpegIccSegments.withoutLyingProfile(bytes) : bytes;
        RasterImage stored = toSrgb(format, decodePixels(format, readable), metadata.iccProfile());
        return metadata.orientation().apply(stored);
    }

    /** The decoded image is garbage once this returns: only the RasterImage stays reachable. */
    private static RasterImage toSrgb(ImageFormat format, BufferedImage image, byte[] untaggedProfile)
            throws InvalidImageException {
        try {
            return SrgbPixels.from(image, untaggedProfile);
        } catch (RuntimeException | StackOverflowError e) {
            throw new InvalidImageException("the " + format + " image's pixels cannot be converted", e);
        }
    }

    /** Plain PNGs by {@link PlainPng}; everything else, and whatever it declines, by ImageIO. */
    private BufferedImage decodePixels(ImageFormat format, byte[] bytes) throws ImageDecodeException {
        if (format == ImageFormat.PNG) {
            Optional<PlainPng.Header> header = PlainPng.header(bytes);
            if (header.isPresent()) {
                checkSize(header.get().width(), header.get().height());
                Optional<BufferedImage> image = PlainPng.decode(bytes, header.get());
                if (image.isPresent()) {
                    return image.get();
                }
            }
        }
        return read(format, bytes);
    }

    private BufferedImage read(ImageFormat format, byte[] bytes) throws ImageDecodeException {
        ImageReader reader = readerFor(format);
        CorruptJpegData damage = new CorruptJpegData();
        if (format == ImageFormat.JPEG) {
            reader.addIIOReadWarningListener(damage);
        }
        try (EndAwareImageInputStream in = new EndAwareImageInputStream(bytes)) {
            // ignoreMetadata: the JDK PNG reader would otherwise inflate every zTXt/iTXt chunk (a zip bomb).
            reader.setInput(in, false, true);
            checkSize(reader.getWidth(0), reader.getHeight(0));
            BufferedImage image = reader.read(0, reader.getDefaultReadParam());
            // A reader that decoded more than its header announced must not slip past the limit.
            checkSize(image.getWidth(), image.getHeight());
            damage.check();
            return image;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // The plugins' own failures on hostile input (IIOException, but also ArrayIndexOutOfBounds,
            // NegativeArraySize, IllegalArgument, a recursion too deep) all mean the same to a client.
            throw new InvalidImageException("the " + format + " image is corrupt or truncated", e);
        } finally {
            reader.dispose();
        }
    }

    private void checkSize(long width, long height) throws ImageTooLargeException, InvalidImageException {
        if (width < 1 || height < 1) {
            throw new InvalidImageException("the image has no pixels (" + width + "x" + height + ")", null);
        }
        if (width * height > maxPixels) {
            throw ImageTooLargeException.overPixelLimit(width, height, maxPixels);
        }
        if (width > MAX_SIDE || height > MAX_SIDE) {
            throw ImageTooLargeException.overSideLimit(width, height, MAX_SIDE);
        }
    }

    /** TwelveMonkeys' reader when it has one (CMYK JPEG, ICC, TIFF, WebP); the JDK's otherwise. */
    private static ImageReader readerFor(ImageFormat format) {
        ImageReader chosen = null;
        for (Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
                readers.hasNext(); ) {
            ImageReader candidate = readers.next();
            if (chosen == null || candidate.getClass().getName().startsWith("com.twelvemonkeys.")) {
                chosen = candidate;
            }
        }
        if (chosen == null) {
            throw new IllegalStateException("no ImageIO reader for " + format + " on the class path");
        }
        return chosen;
    }
}
