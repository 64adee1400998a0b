package com.storagecompressai.gateway.multipart;

/**
 * Bounds on a multipart body, checked while it streams in.
 *
 * @param maxBodyBytes the whole body (MAX_UPLOAD_BYTES)
 * @param maxParts parts of any name, known or not
 * @param maxFieldNameLength characters in a part's name
 * @param maxPartHeaderBytes bytes of one part's headers
 * @param maxTextFieldBytes bytes of a text field such as {@code quality}
 */
public record FormLimits(long maxBodyBytes, int maxParts, int maxFieldNameLength, int maxPartHeaderBytes, int maxTextFieldBytes) {

    public static FormLimits withMaxBody(long maxBodyBytes) {
        return new FormLimits(maxBodyBytes, 32, 128, 8 * 1024, 64);
    }
}
