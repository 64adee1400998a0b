package com.storagecompressai.gateway.storage;

import com.storagecompressai.engine.api.ErrorCode;
import com.storagecompressai.gateway.http.ErrorMapper;
import com.storagecompressai.gateway.http.Reply;
import com.storagecompressai.storage.local.LocalObject;
import com.storagecompressai.storage.local.LocalObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;

/**
 * {@code GET}/{@code HEAD /storage/v1/object/public/<bucket>/<name>} for the local backend: the same path
 * shape as Supabase, with validators for conditional GETs. Names are checked by the store, which never
 * serves anything outside its bucket folder.
 */
public final class ObjectRoute {

    public static final String PREFIX = "/storage/v1/object/public/";
    public static final String TEMPLATE = PREFIX + "{bucket}/{name}";
    private static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

    private final LocalObjectStore store;
    private final ErrorMapper errors;

    public ObjectRoute(LocalObjectStore store, ErrorMapper errors) {
        this.store = store;
        this.errors = errors;
    }

    /** @param path the decoded path, starting with {@link #PREFIX} */
    public Reply handle(String path, HttpFields requestHeaders) throws IOException {
        String rest = path.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        Optional<LocalObject> found = slash < 0 || rest.indexOf('/', slash + 1) >= 0
                ? Optional.empty()
                : store.find(rest.substring(0, slash), rest.substring(slash + 1));
        if (found.isEmpty()) {
            return errors.reply(ErrorCode.NOT_FOUND, "Object not found");
        }
        LocalObject object = found.get();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", object.etag());
        headers.put("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(object.lastModified().atOffset(ZoneOffset.UTC)));
        headers.put("Cache-Control", CACHE_CONTROL);
        headers.put("X-Content-Type-Options", "nosniff");
        if (notModified(object, requestHeaders)) {
            return new Reply(304, null, new byte[0], headers, null);
        }
        byte[] body;
        try {
            body = Files.readAllBytes(object.path());
        } catch (java.nio.file.NoSuchFileException e) {
            return errors.reply(ErrorCode.NOT_FOUND, "Object not found");
        }
        return new Reply(200, "image/jpeg", body, headers, null);
    }

    /** RFC 9110 §13.2.2: If-None-Match wins; If-Modified-Since is read only without it. */
    private static boolean notModified(LocalObject object, HttpFields headers) {
        String ifNoneMatch = headers.get("If-None-Match");
        if (ifNoneMatch != null) {
            return Arrays.stream(ifNoneMatch.split(","))
                    .map(String::strip)
                    .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                    .anyMatch(tag -> tag.equals("*") || tag.equals(object.etag()));
        }
        String ifModifiedSince = headers.get("If-Modified-Since");
        if (ifModifiedSince != null) {
            try {
                Instant since = DateTimeFormatter.RFC_1123_DATE_TIME.parse(ifModifiedSince.strip(), Instant::from);
                return !object.lastModified().truncatedTo(ChronoUnit.SECONDS).isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }
}
