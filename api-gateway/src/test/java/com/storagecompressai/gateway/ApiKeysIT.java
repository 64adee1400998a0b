package com.storagecompressai.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * API keys through a real gateway (issue 4, security): several are valid at once so they can be rotated, a key
 * taken out of API_KEYS is refused, and no log line, at any level the gateway logs, ever holds a key, valid or not.
 */
class ApiKeysIT {

    private static final String CURRENT = "current-secret-key-0001";
    private static final String NEXT = "next-secret-key-0002";
    private static final String RETIRED = "retired-secret-key-0000";
    private static final String GUESS = "guessed-secret-key-9999";

    @TempDir
    Path data;

    private static MultipartBody png() {
        return MultipartBody.create().file("image", "a.png", "image/png", TestImages.gradientPng(8, 8));
    }

    @Test
    void bothKeysOfARotationAreAcceptedAtOnceAndTheRetiredOneIsRefused() throws Exception {
        // given: the gateway before the rotation, then after it
        try (TestGateway before = TestGateway.start(data, Map.of("API_KEYS", RETIRED + "," + CURRENT))) {
            assertThat(before.compress(RETIRED, png()).statusCode()).isEqualTo(200);
        }
        try (TestGateway during = TestGateway.start(data, Map.of("API_KEYS", CURRENT + "," + NEXT))) {
            // when / then
            assertThat(during.compress(CURRENT, png()).statusCode()).isEqualTo(200);
            assertThat(during.compress(NEXT, png()).statusCode()).isEqualTo(200);
            assertThat(during.compress(RETIRED, png()).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void noLogLineEverHoldsAKeyValidOrNot() throws Exception {
        // given every log line of the gateway's start, its requests and its stop
        List<ILoggingEvent> events = capture(() -> {
            try (TestGateway gateway = TestGateway.start(data, Map.of("API_KEYS", CURRENT + "," + NEXT,
                    "RATE_LIMIT_MAX", "3", "RATE_LIMIT_WINDOW", "600"))) {
                // when: successes, wrong keys up to the failed-authentication limit, a key in odd places
                assertThat(gateway.compress(CURRENT, png()).statusCode()).isEqualTo(200);
                assertThat(gateway.compress(NEXT, "text/plain", "x".getBytes()).statusCode()).isEqualTo(400);
                for (int i = 0; i < 5; i++) {
                    assertThat(gateway.compress(GUESS, png()).statusCode()).isIn(401, 429);
                }
                gateway.send(HttpRequest.newBuilder(gateway.uri("/compress?api_key=" + GUESS))
                        .header("Authorization", "Bearer " + GUESS).header("x-api-key", GUESS + "\t")
                        .POST(HttpRequest.BodyPublishers.ofString("x")).build());
            }
        });

        // then
        assertThat(events).anySatisfy(event -> assertThat(event.getLoggerName()).isEqualTo("access"));
        assertThat(events).allSatisfy(event -> assertThat(everythingLogged(event))
                .doesNotContain(CURRENT).doesNotContain(NEXT).doesNotContain(GUESS));
    }

    private static String everythingLogged(ILoggingEvent event) {
        return event.getFormattedMessage() + " " + event.getMDCPropertyMap() + " " + event.getKeyValuePairs()
                + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
    }

    private interface Action {
        void run() throws Exception;
    }

    private static List<ILoggingEvent> capture(Action action) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        root.addAppender(lines);
        try {
            action.run();
        } finally {
            root.detachAppender(lines);
        }
        return List.copyOf(lines.list);
    }
}
