package com.storagecompressai.storage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Reads a public URL the way a browser would: anonymous GET, bytes on 200, nothing otherwise. */
public final class HttpFetch {

    private HttpFetch() {
    }

    public static Optional<HttpResponse<byte[]>> get(URI url) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<byte[]> response = client.send(
                    HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 ? Optional.of(response) : Optional.empty();
        }
    }
}
