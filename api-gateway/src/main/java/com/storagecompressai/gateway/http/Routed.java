package com.storagecompressai.gateway.http;

/** A reply and the route template it came from (the {@code uri} tag of the request metrics). */
public record Routed(String route, Reply reply) {
}
