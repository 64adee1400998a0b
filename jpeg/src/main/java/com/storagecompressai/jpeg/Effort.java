package com.storagecompressai.jpeg;

/** Size against speed. */
public enum Effort {
    /** No trellis and a fixed scan script: for callers who want speed over size. */
    FAST,
    /** Everything that pays for itself: the product's default. */
    DEFAULT
}
