package com.storagecompressai.storage.supabase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupabaseReplyTest {

    @Test
    void readsTheCauseFromTheBodyOfAnHttp400() {
        SupabaseReply reply = SupabaseReply.of(400, FakeSupabaseStorage.DUPLICATE);

        assertThat(reply).isEqualTo(new SupabaseReply(400, "409", "KeyAlreadyExists", "Duplicate"));
        assertThat(reply.succeeded()).isFalse();
        assertThat(reply.retryable()).isFalse();
        assertThat(reply.describe()).isEqualTo("HTTP 400, statusCode 409 KeyAlreadyExists (Duplicate)");
    }

    @ParameterizedTest
    @CsvSource({"500, '{\"statusCode\":\"500\"}', true", "503, 'Service Unavailable', true", "429, '', true",
            "400, '{\"statusCode\":\"500\",\"code\":\"InternalError\"}', true",
            "400, '{\"statusCode\":\"404\",\"code\":\"NoSuchBucket\"}', false", "401, '{}', false",
            "413, '<html>Request Entity Too Large</html>', false"})
    void retriesOnlyWhatCanSucceedNextTime(int status, String body, boolean retryable) {
        assertThat(SupabaseReply.of(status, body).retryable()).isEqualTo(retryable);
    }

    @Test
    void aBodyThatIsNotJsonIsQuotedShortAndOnOneLine() {
        SupabaseReply reply = SupabaseReply.of(502, "<html>\n" + "x".repeat(500) + "</html>");

        assertThat(reply.statusCode()).isEqualTo("502");
        assertThat(reply.describe()).doesNotContain("\n").hasSizeLessThan(260);
    }

    @Test
    void opaqueKeysAreRecognisedByPrefix() {
        assertThat(SupabaseObjectStore.isOpaqueKey("sb_secret_abc")).isTrue();
        assertThat(SupabaseObjectStore.isOpaqueKey("sb_publishable_abc")).isTrue();
        assertThat(SupabaseObjectStore.isOpaqueKey("eyJhbGciOi.x.y")).isFalse();
    }
}
