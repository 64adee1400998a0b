package com.storagecompressai.engine.api;

/**
 * Decodes an image of any supported format and encodes it as a JPEG. Implementations are thread-safe.
 * The gateway holds one: in-process, or a client of a remote compressor-engine.
 */
public interface Compressor extends AutoCloseable {

    /**
     * @param image the uploaded bytes, whatever their format (it is sniffed); not modified
     * @throws CompressionException with the code to answer: bad input (4xx), overload or an unreachable
     *         engine (503), or a failure of ours (500)
     */
    Compressed compress(byte[] image, CompressOptions options) throws CompressionException;

    /** True when a compression could run now (the remote engine answers its health check). */
    default boolean isReady() {
        return true;
    }

    @Override
    default void close() {
    }
}
