package com.storagecompressai.systemtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One gauge of a service's Prometheus {@code /metrics}, summed over its labels. */
record Gauge(URI metrics, String name) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** The current value, or NaN when the service does not answer or does not have the gauge. */
    double read() {
        try {
            HttpRequest request = HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(2)).GET().build();
            String text = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
            double sum = Double.NaN;
            for (String line : text.split("\n")) {
                if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                    double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    sum = Double.isNaN(sum) ? value : sum + value;
                }
            }
            return sum;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** Polls until the gauge is above {@code threshold}; false if it was not within {@code limit}. */
    boolean awaitAbove(double threshold, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (read() > threshold) {
                return true;
            }
            Thread.onSpinWait();
        }
        return false;
    }
}
