package com.storagecompressai.engine.http;

import com.storagecompressai.engine.api.CompressOptions;
import com.storagecompressai.engine.api.ErrorCode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code quality} query parameter: decimal digits only, 1–100, default 80. Signs, spaces, decimals,
 * exponents, hex, an empty value or a repeated parameter are refused with INVALID_QUALITY.
 */
final class QualityParameter {

    private static final int MAX_DIGITS = 9;

    private QualityParameter() {
    }

    /** @param rawQuery the request's query string as sent (percent-encoded), or null */
    static int parse(String rawQuery) throws RequestException {
        List<String> values = valuesOf(rawQuery, "quality");
        if (values.isEmpty()) {
            return CompressOptions.DEFAULT_QUALITY;
        }
        if (values.size() > 1) {
            throw invalid("quality is given " + values.size() + " times; give it once");
        }
        return parseValue(values.getFirst());
    }

    static int parseValue(String value) throws RequestException {
        if (value.isEmpty() || value.length() > MAX_DIGITS || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid("quality must be a whole number from 1 to 100, got '" + printable(value) + "'");
        }
        int quality = Integer.parseInt(value);
        if (quality < 1 || quality > 100) {
            throw invalid("quality must be from 1 to 100, got " + quality);
        }
        return quality;
    }

    private static List<String> valuesOf(String rawQuery, String name) throws RequestException {
        List<String> values = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return values;
        }
        for (String pair : rawQuery.split("&", -1)) {
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (key.equals(name)) {
                values.add(equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return values;
    }

    private static String decode(String encoded) throws RequestException {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new RequestException(ErrorCode.INVALID_REQUEST, "the query string is not properly percent-encoded");
        }
    }

    private static String printable(String value) {
        String cut = value.length() > 20 ? value.substring(0, 20) + "…" : value;
        return cut.replaceAll("[^\\x20-\\x7E…]", "?");
    }

    private static RequestException invalid(String message) {
        return new RequestException(ErrorCode.INVALID_QUALITY, message);
    }
}
