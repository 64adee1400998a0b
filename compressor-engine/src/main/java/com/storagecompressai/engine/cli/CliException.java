package com.storagecompressai.engine.cli;

/** A command that cannot run as asked; the message is printed to the user as is. */
public final class CliException extends Exception {

    public CliException(String message) {
        super(message);
    }
}
