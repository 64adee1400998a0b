package com.storagecompressai.systemtest;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request of a load run.
 *
 * @param sentNanos {@link System#nanoTime()} just before sending
 * @param answeredNanos {@link System#nanoTime()} once the answer (or the failure) was in
 * @param status the HTTP status, or -1 when no answer came (the reason is in {@code body})
 * @param upstream which gateway nginx passed it to (its {@code X-Upstream} header), empty if none
 */
record Outcome(int index, long sentNanos, long answeredNanos, int status, String upstream, String body) {

    private static final Pattern URL = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");

    boolean inFlightDuring(Window window) {
        return window.overlaps(sentNanos, answeredNanos);
    }

    Optional<String> url() {
        Matcher matcher = URL.matcher(body);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    String code() {
        Matcher matcher = CODE.matcher(body);
        return matcher.find() ? matcher.group(1) : "";
    }

    /** The stored object's name: the url's last segment. */
    String objectName() {
        String url = url().orElseThrow(() -> new IllegalStateException("no url in " + body));
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return "#" + index + " " + status + " via " + upstream + " " + (body.length() > 200 ? body.substring(0, 200) : body);
    }
}
