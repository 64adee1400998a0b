package com.storagecompressai.systemtest;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * API keys for the load scenarios, each handed out at most {@code perKey} times: steady load never meets the small
 * per-key limit that the rate-limit scenario needs. Thread-safe.
 */
final class LoadKeys {

    private final int perKey;
    private final List<String> keys;
    private final AtomicInteger handedOut = new AtomicInteger();

    LoadKeys(int perKey, int count) {
        this.perKey = perKey;
        this.keys = IntStream.range(0, count).mapToObj(i -> "load-%03d".formatted(i)).toList();
    }

    List<String> all() {
        return keys;
    }

    String next() {
        int n = handedOut.getAndIncrement();
        if (n / perKey >= keys.size()) {
            throw new IllegalStateException("all " + keys.size() * perKey + " load requests are used up");
        }
        return keys.get(n / perKey);
    }
}
