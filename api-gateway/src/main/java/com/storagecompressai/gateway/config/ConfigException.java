package com.storagecompressai.gateway.config;

/** The environment does not describe a gateway that can start. The message is one line, for the operator. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
