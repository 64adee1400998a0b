package com.storagecompressai.gateway.storage;

import java.security.SecureRandom;
import java.util.Base64;

/** Server-chosen object names: 128 random bits, base64url, {@code .jpg}. Never derived from the client's file name. */
public final class ObjectNames {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private ObjectNames() {
    }

    public static String next() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return ENCODER.encodeToString(bits) + ".jpg";
    }
}
