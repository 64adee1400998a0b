package com.storagecompressai.engine.http;

import com.storagecompressai.engine.api.CompressOptions;
import com.storagecompressai.engine.api.ErrorCode;

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
        return from(QueryParameters.parse(rawQuery));
    }

    static int from(QueryParameters query) throws RequestException {
        String value = query.single("quality", ErrorCode.INVALID_QUALITY);
        return value == null ? CompressOptions.DEFAULT_QUALITY : parseValue(value);
    }

    static int parseValue(String value) throws RequestException {
        if (value.isEmpty() || value.length() > MAX_DIGITS || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid("quality must be a whole number from 1 to 100, got '" + QueryParameters.printable(value) + "'");
        }
        int quality = Integer.parseInt(value);
        if (quality < 1 || quality > 100) {
            throw invalid("quality must be from 1 to 100, got " + quality);
        }
        return quality;
    }

    private static RequestException invalid(String message) {
        return new RequestException(ErrorCode.INVALID_QUALITY, message);
    }
}
