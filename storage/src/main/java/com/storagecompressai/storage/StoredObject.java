package com.storagecompressai.storage;

import java.net.URI;

/** An object that is fully stored and readable at {@code url}. */
public record StoredObject(String name, URI url, long size) {
}
