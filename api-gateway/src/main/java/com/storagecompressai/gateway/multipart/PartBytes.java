package com.storagecompressai.gateway.multipart;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of one form part as the parser hands them over, joined once at the end: a growing array would copy
 * a 9 MB upload about three times over while it doubles. Not thread-safe.
 */
final class PartBytes {

    private final List<byte[]> chunks = new ArrayList<>();
    private int size;

    /** Copies the remaining bytes of {@code chunk}, which the caller may reuse afterwards. */
    void append(ByteBuffer chunk) {
        byte[] copy = new byte[chunk.remaining()];
        chunk.get(copy);
        chunks.add(copy);
        size = Math.addExact(size, copy.length);
    }

    int size() {
        return size;
    }

    byte[] joined() {
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, all, at, chunk.length);
            at += chunk.length;
        }
        return all;
    }
}
