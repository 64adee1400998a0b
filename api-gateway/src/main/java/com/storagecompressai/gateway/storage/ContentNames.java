package com.storagecompressai.gateway.storage;

import com.storagecompressai.engine.api.CompressOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Object names for {@code dedupe=true}: SHA-256 of the uploaded bytes and the effective options, base64url,
 * {@code .jpg}. The same image asked for the same way always gets the same name, so storing it again replaces
 * the object with identical bytes and answers the same url.
 */
public final class ContentNames {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private ContentNames() {
    }

    public static String of(byte[] image, CompressOptions options) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        sha256.update(image);
        sha256.update((byte) 0);
        sha256.update(canonical(options).getBytes(StandardCharsets.US_ASCII));
        return ENCODER.encodeToString(sha256.digest()) + ".jpg";
    }

    /** The options that change the output, written out field by field; quality drops out when it is searched for. */
    static String canonical(CompressOptions o) {
        return "v1"
                + ";q=" + (o.searchesQuality() ? "search" : Integer.toString(o.quality()))
                + ";w=" + o.width() + ";h=" + o.height()
                + ";fit=" + o.fit() + ";enlarge=" + o.enlarge()
                + ";target=" + o.target() + ";max=" + o.maxBytes()
                + ";progressive=" + o.progressive() + ";sub=" + o.subsampling() + ";strip=" + o.strip();
    }
}
