package com.storagecompressai.storage;

import java.net.URI;

/**
 * Where compressed images are kept. Implementations are thread-safe. Object names are chosen by the
 * server (never by a client) and always end in {@code .jpg}.
 */
public interface ObjectStore extends AutoCloseable {

    /**
     * Stores {@code content} under {@code name}, whole or not at all: when this returns, the object is
     * readable at {@link StoredObject#url()}. When it throws, no partial object is readable, but the whole one
     * may be: a remote store can keep an upload whose answer was lost. {@link #delete} the name to be sure.
     *
     * @throws StorageException when the store refused or could not be reached; its message is for logs
     */
    StoredObject put(String name, byte[] content, String contentType) throws StorageException;

    /**
     * Removes {@code name}: when this returns, no object has that name. A name that holds no object is not an
     * error, so a delete can be repeated until it succeeds.
     *
     * @throws StorageException when the store refused or could not be reached; the object may still be there
     */
    void delete(String name) throws StorageException;

    /** The public address of {@code name} in this store, whether or not it exists yet. */
    URI publicUrl(String name);

    /** Readiness: true when the store answers and the bucket exists. Never throws. */
    boolean isReady();

    @Override
    default void close() {
    }
}
