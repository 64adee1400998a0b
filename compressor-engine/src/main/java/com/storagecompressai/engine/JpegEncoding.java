package com.storagecompressai.engine;

import com.storagecompressai.jpeg.EncoderOptions;
import com.storagecompressai.jpeg.RasterImage;

/** The encode step of a compression: pixels to a complete JPEG file. Thread-safe. */
@FunctionalInterface
public interface JpegEncoding {

    byte[] encode(RasterImage image, EncoderOptions options);
}
