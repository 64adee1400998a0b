package com.storagecompressai.gateway.multipart;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.storagecompressai.engine.api.ErrorCode;
import com.storagecompressai.gateway.http.ReadTimeout;
import com.storagecompressai.gateway.http.RequestException;
import java.io.ByteArrayInputStream;
import java.util.EnumSet;
import java.util.Set;

/**
 * Coverage-guided fuzzing of the multipart reader: for any bytes and boundary it returns a form or throws a
 * {@link RequestException} with one of the documented 4xx codes. Anything else (another exception, a 5xx code,
 * a form whose fields break the contract) is a finding. {@code ./mvnw verify} replays the checked-in inputs under
 * {@code FormReaderFuzzTestInputs/readsAFormOrRefusesItWithA4xx} as regression tests, then fuzzes for 20 s seeded
 * with them (the pom's {@code bounded-fuzz} profile, off when {@code -Dtest} is given); a finding fails the build and
 * is written into that folder.
 */
class FormReaderFuzzTest {

    private static final Set<ErrorCode> DOCUMENTED = EnumSet.of(ErrorCode.INVALID_REQUEST, ErrorCode.MISSING_IMAGE,
            ErrorCode.INVALID_IMAGE, ErrorCode.INVALID_QUALITY, ErrorCode.PAYLOAD_TOO_LARGE, ReadTimeout.CODE);
    private static final FormReader READER = new FormReader(new FormLimits(64 * 1024, 32, 128, 8 * 1024, 64));

    @FuzzTest(maxDuration = "2m")
    void readsAFormOrRefusesItWithA4xx(FuzzedDataProvider data) {
        String boundary = data.consumeString(80);
        boolean declareLength = data.consumeBoolean();
        byte[] body = data.consumeRemainingAsBytes();
        String contentType = "multipart/form-data; boundary=" + boundary;
        try {
            UploadForm form = READER.read(contentType, declareLength ? body.length : -1, new ByteArrayInputStream(body));
            assertThat(form.image()).isNotEmpty();
            assertThat(form.quality()).isBetween(1, 100);
            assertThat(form.bodyBytes()).isEqualTo(body.length);
        } catch (RequestException refused) {
            assertThat(DOCUMENTED).contains(refused.code());
            assertThat(refused.code().status()).isBetween(400, 499);
        }
    }
}
