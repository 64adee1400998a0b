package com.storagecompressai.imaging.resize;

/** How a wanted width × height box is filled, as in sharp and imgproxy. */
public enum Fit {
    /** Fit within both bounds, keeping the aspect ratio. */
    INSIDE,
    /** Cover both bounds, keeping the aspect ratio, then crop the centre to the box. */
    COVER,
    /** Fit within both bounds, then pad with white to exactly the box. */
    CONTAIN,
    /** Stretch to exactly the box, ignoring the aspect ratio. */
    FILL
}
