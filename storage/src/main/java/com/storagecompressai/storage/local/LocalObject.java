package com.storagecompressai.storage.local;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A stored object as the gateway serves it.
 *
 * @param path         the regular file holding the bytes; replaced atomically, never rewritten in place
 * @param size         its length in bytes
 * @param etag         a strong entity tag in HTTP form, quotes included (e.g. {@code "1a2b…"}); it changes
 *                     whenever the object is replaced
 * @param lastModified when the object was stored
 */
public record LocalObject(Path path, long size, String etag, Instant lastModified) {
}
