package com.storagecompressai.gateway.auth;

/** Who a rate limit counts against: {@code key:<hash prefix>} for an API key, {@code ip:<address>} for a client. */
public record ClientId(String value) {

    public static ClientId ofAddress(String address) {
        return new ClientId("ip:" + address);
    }

    @Override
    public String toString() {
        return value;
    }
}
