package com.storagecompressai.imaging;

/**
 * What a container says about its pixels beyond what ImageIO applies: the EXIF orientation, and an ICC
 * profile that the format's reader ignores (PNG iCCP, WebP ICCP). {@code iccProfile} is null when absent
 * or already applied by the reader. {@code exif} is the EXIF TIFF structure of a JPEG, PNG or WebP, or null.
 */
record EmbeddedMetadata(Orientation orientation, byte[] iccProfile, byte[] exif) {

    static final EmbeddedMetadata NONE = new EmbeddedMetadata(Orientation.TOP_LEFT, null, null);
}
