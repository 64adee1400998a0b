package com.storagecompressai.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.storagecompressai.engine.api.CompressOptions;
import com.storagecompressai.engine.api.ErrorCode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzzes the {@code quality} query parsing with arbitrary query strings: it returns 1–100, or refuses with
 * INVALID_QUALITY / INVALID_REQUEST and a printable message; any other exception is a finding. A returned
 * value is only ever the one decimal {@code quality} parameter of the query, so nothing lenient slips through.
 *
 * <p>{@code ./mvnw verify} replays the inputs in
 * {@code src/test/resources/com/storagecompressai/engine/http/QualityParameterFuzzTestInputs/parseAcceptsOnlyOneDecimalQuality/},
 * then fuzzes for 10 s (the pom's {@code bounded-fuzz} profile, off when {@code -Dtest} is given); to fuzz for a while:
 * {@code JAZZER_FUZZ=1 ./mvnw -o -pl compressor-engine test -Dtest=QualityParameterFuzzTest} (findings land in that
 * folder).
 */
class QualityParameterFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parseAcceptsOnlyOneDecimalQuality(String rawQuery) {
        int quality;
        try {
            quality = QualityParameter.parse(rawQuery);
        } catch (RequestException refused) {
            assertThat(refused.code()).isIn(ErrorCode.INVALID_QUALITY, ErrorCode.INVALID_REQUEST);
            assertThat(refused.getMessage()).isNotBlank().matches("[\\x20-\\x7E…]*");
            return;
        }
        assertThat(quality).isBetween(1, 100);
        if (quality != CompressOptions.DEFAULT_QUALITY) {
            // a value other than the default can only come from the one quality=<digits> pair
            List<String> values = Arrays.stream(rawQuery.split("&", -1))
                    .filter(pair -> pair.indexOf('=') >= 0)
                    .filter(pair -> decode(pair.substring(0, pair.indexOf('='))).equals("quality"))
                    .map(pair -> decode(pair.substring(pair.indexOf('=') + 1)))
                    .toList();
            assertThat(values).hasSize(1);
            assertThat(values.getFirst()).matches("0*" + quality);
        }
    }

    /** Only ever called on keys and values the parser has already decoded without error. */
    private static String decode(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }
}
