package com.storagecompressai.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The accepted API keys. A presented key is compared with every configured key in constant time, so
 * neither the position of a mismatch nor which key matched shows in the timing. Thread-safe.
 */
public final class ApiKeys {

    private final List<byte[]> digests;

    public ApiKeys(List<String> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one API key is needed");
        }
        this.digests = keys.stream().map(ApiKeys::sha256).toList();
    }

    /**
     * @param presented the {@code x-api-key} header, or null when absent
     * @return the matching key's client id (a hash prefix, safe for logs and Redis keys); empty when no key matches
     */
    public Optional<ClientId> authenticate(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        // Hashing first gives every comparison the same length, whatever the key's length.
        byte[] candidate = sha256(presented);
        byte[] match = null;
        for (byte[] digest : digests) {
            if (MessageDigest.isEqual(digest, candidate)) {
                match = digest;
            }
        }
        return match == null ? Optional.empty() : Optional.of(new ClientId("key:" + HexFormat.of().formatHex(match, 0, 8)));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
