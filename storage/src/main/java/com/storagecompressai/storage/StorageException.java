package com.storagecompressai.storage;

/** A store refused an object or could not be reached. The message is for logs, not for clients. */
public class StorageException extends Exception {

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
