package com.storagecompressai.jpeg;

/** Chroma resolution of a colour JPEG, named as usual (J:a:b). Ignored for grey images. */
public enum ChromaSubsampling {
    /** Cb and Cr at half width and half height: the default, as in libjpeg and mozjpeg. */
    S420,
    /** Cb and Cr at half width. */
    S422,
    /** Full-resolution chroma. */
    S444
}
