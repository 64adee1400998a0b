package com.storagecompressai.gateway.ratelimit;

import com.storagecompressai.gateway.auth.ClientId;

/** Counts requests per client against a fixed window. Implementations are thread-safe. */
public interface RateLimiter extends AutoCloseable {

    /** Takes one request from {@code client}'s allowance; a refusal is a value, not an exception. */
    Decision tryConsume(ClientId client);

    @Override
    default void close() {
    }
}
