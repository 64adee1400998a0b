/**
 * Everything between uploaded bytes and the encoder's {@link com.storagecompressai.jpeg.RasterImage}:
 * {@link com.storagecompressai.imaging.ImageFormat} sniffs the magic bytes;
 * {@link com.storagecompressai.imaging.ImageDecoder} refuses oversized images from their headers
 * (including buffers a container declares beside the image size), decodes the first frame through ImageIO
 * (TwelveMonkeys for JPEG incl. CMYK/YCCK, TIFF and WebP; the JDK for PNG, GIF and BMP), converts colour
 * to sRGB (embedded ICC profiles too), composites alpha onto white and applies the EXIF orientation.
 * Failures are the sealed {@link com.storagecompressai.imaging.ImageDecodeException} family.
 */
package com.storagecompressai.imaging;
