package com.storagecompressai.gateway.multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storagecompressai.engine.api.ErrorCode;
import com.storagecompressai.gateway.MultipartBody;
import com.storagecompressai.gateway.http.RequestException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class FormReaderTest {

    private static final byte[] IMAGE = "image-bytes\r\n--not-a-boundary".getBytes(StandardCharsets.US_ASCII);

    private final FormReader reader = new FormReader(FormLimits.withMaxBody(10_000));

    private UploadForm read(byte[] body) {
        return reader.read(MultipartBody.contentType(), body.length, new ByteArrayInputStream(body));
    }

    @Test
    void readsImageAndQuality() {
        // given
        byte[] body = MultipartBody.create().file("image", "a.png", "image/png", IMAGE).field("quality", "55").bytes();
        // when
        UploadForm form = read(body);
        // then
        assertThat(form.image()).isEqualTo(IMAGE);
        assertThat(form.quality()).isEqualTo(55);
        assertThat(form.bodyBytes()).isEqualTo(body.length);
    }

    @Test
    void readsAnImageOfManyBufferLengthsWhole() {
        // given: a photo-sized part, far longer than a read, with CRs (a boundary's first byte) at read ends
        byte[] large = new byte[3_000_000];
        new java.util.Random(7).nextBytes(large);
        for (int i = 0; i < large.length; i++) {
            if (i % 3 != 0) {
                large[i] = '\r';
            }
        }
        byte[] body = MultipartBody.create().file("image", "big.png", "image/png", large).field("quality", "70").bytes();
        FormReader roomy = new FormReader(FormLimits.withMaxBody(4_000_000));
        // when
        UploadForm form = roomy.read(MultipartBody.contentType(), body.length, new ByteArrayInputStream(body));
        // then
        assertThat(form.image()).isEqualTo(large);
        assertThat(form.quality()).isEqualTo(70);
    }

    @Test
    void defaultsQualityToEightyAndIgnoresUnknownFields() {
        // given
        byte[] body = MultipartBody.create().field("resize", "50%").file("image", "a.png", "image/png", IMAGE)
                .file("other", "b.bin", "application/octet-stream", new byte[500]).bytes();
        // when
        UploadForm form = read(body);
        // then
        assertThat(form.quality()).isEqualTo(80);
        assertThat(form.image()).isEqualTo(IMAGE);
    }

    @Test
    void refusesAFormWithoutImage() {
        byte[] body = MultipartBody.create().field("quality", "50").bytes();
        assertCode(() -> read(body), ErrorCode.MISSING_IMAGE);
    }

    @Test
    void refusesDuplicateImageOrQuality() {
        byte[] twoImages = MultipartBody.create().file("image", "a.png", "image/png", IMAGE)
                .file("image", "b.png", "image/png", IMAGE).bytes();
        byte[] twoQualities = MultipartBody.create().file("image", "a.png", "image/png", IMAGE)
                .field("quality", "50").field("quality", "60").bytes();
        assertCode(() -> read(twoImages), ErrorCode.INVALID_REQUEST);
        assertCode(() -> read(twoQualities), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void refusesABadQuality() {
        byte[] body = MultipartBody.create().file("image", "a.png", "image/png", IMAGE).field("quality", "1e2").bytes();
        assertCode(() -> read(body), ErrorCode.INVALID_QUALITY);
    }

    @Test
    void refusesALongQualityWhileReading() {
        byte[] body = MultipartBody.create().file("image", "a.png", "image/png", IMAGE).field("quality", "5".repeat(500)).bytes();
        assertCode(() -> read(body), ErrorCode.INVALID_QUALITY);
    }

    @Test
    void refusesABodyThatIsNotMultipartOrHasNoBoundary() {
        byte[] body = MultipartBody.create().file("image", "a.png", "image/png", IMAGE).bytes();
        assertCode(() -> reader.read("application/json", body.length, new ByteArrayInputStream(body)), ErrorCode.INVALID_REQUEST);
        assertCode(() -> reader.read(null, body.length, new ByteArrayInputStream(body)), ErrorCode.INVALID_REQUEST);
        assertCode(() -> reader.read("multipart/form-data", body.length, new ByteArrayInputStream(body)), ErrorCode.INVALID_REQUEST);
        assertCode(() -> reader.read("multipart/form-data; boundary=\"abc", body.length, new ByteArrayInputStream(body)),
                ErrorCode.INVALID_REQUEST);
    }

    @Test
    void refusesAnOversizedBodyFromItsContentLength() {
        // given a stream that must never be read
        InputStream untouchable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body was read although Content-Length was too large");
            }
        };
        assertCode(() -> reader.read(MultipartBody.contentType(), 10_001, untouchable), ErrorCode.PAYLOAD_TOO_LARGE);
    }

    @Test
    void refusesAnOversizedBodyWhileStreamingWhenLengthIsUnknown() {
        byte[] body = MultipartBody.create().file("image", "a.png", "image/png", new byte[20_000]).bytes();
        assertCode(() -> reader.read(MultipartBody.contentType(), -1, new ByteArrayInputStream(body)), ErrorCode.PAYLOAD_TOO_LARGE);
    }

    @Test
    void refusesATruncatedBody() {
        byte[] body = MultipartBody.create().file("image", "a.png", "image/png", IMAGE).bytes();
        byte[] truncated = java.util.Arrays.copyOf(body, body.length - 10);
        assertCode(() -> read(truncated), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void refusesTooManyParts() {
        MultipartBody body = MultipartBody.create().file("image", "a.png", "image/png", IMAGE);
        for (int i = 0; i < 40; i++) {
            body.field("extra" + i, "x");
        }
        assertCode(() -> read(body.bytes()), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void refusesAnOverlongFieldName() {
        byte[] body = MultipartBody.create().file("image", "a.png", "image/png", IMAGE).field("n".repeat(300), "x").bytes();
        assertCode(() -> read(body), ErrorCode.INVALID_REQUEST);
    }

    private static void assertCode(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RequestException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
