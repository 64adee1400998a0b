package com.storagecompressai.storage.supabase;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Percent-encoding of one URL path segment (RFC 3986), so a name can never add or climb a level. */
final class PathSegment {

    private PathSegment() {
    }

    static String encode(String segment) {
        // URLEncoder encodes for forms: a space becomes '+', which a path would read literally.
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    }
}
