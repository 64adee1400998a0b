package com.storagecompressai.systemtest;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * A fixed number of requests sent by a few clients at once (virtual threads), each sending its next request as soon as
 * the previous one is answered; optionally something happens to the cluster once a given number has been answered.
 * Bounded by the request count, not by a clock.
 */
final class SteadyLoad {

    private static final Duration LIMIT = Duration.ofSeconds(120);

    /**
     * @param disruption when the disruption struck, {@link Window#NEVER} if none
     */
    record Result(List<Outcome> outcomes, Window disruption) {

        List<Outcome> failures() {
            return outcomes.stream().filter(o -> o.status() != 200).toList();
        }

        List<Outcome> successes() {
            return outcomes.stream().filter(o -> o.status() == 200).toList();
        }

        long inFlightDuringDisruption() {
            return outcomes.stream().filter(o -> o.inFlightDuring(disruption)).count();
        }

        long sentAfterDisruption() {
            return outcomes.stream().filter(o -> o.sentNanos() > disruption.until()).count();
        }
    }

    private SteadyLoad() {
    }

    static Result run(HttpClient client, IntFunction<HttpRequest> requests, int count, int concurrency) {
        return run(client, requests, count, concurrency, count, () -> Window.NEVER);
    }

    /**
     * Runs {@code disruption} on the calling thread once {@code disruptAfter} requests have been answered; it returns
     * when it struck (e.g. from the SIGKILL until the process was gone).
     */
    static Result run(HttpClient client, IntFunction<HttpRequest> requests, int count, int concurrency, int disruptAfter,
            Supplier<Window> disruption) {
        Outcome[] outcomes = new Outcome[count];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch answered = new CountDownLatch(Math.min(disruptAfter, count));
        Window disrupted = Window.NEVER;
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < concurrency; c++) {
                clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        outcomes[i] = send(client, requests.apply(i), i);
                        answered.countDown();
                    }
                });
            }
            if (disruptAfter < count) {
                if (!answered.await(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("only " + (disruptAfter - answered.getCount()) + " of " + disruptAfter
                            + " requests answered within " + LIMIT.toSeconds() + " s");
                }
                disrupted = disruption.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return new Result(Arrays.asList(outcomes), disrupted);
    }

    static Outcome send(HttpClient client, HttpRequest request, int index) {
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Outcome(index, sent, System.nanoTime(), response.statusCode(),
                    response.headers().firstValue(NginxConfig.UPSTREAM_HEADER).orElse(""), response.body());
        } catch (IOException e) {
            return new Outcome(index, sent, System.nanoTime(), -1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(index, sent, System.nanoTime(), -1, "", e.toString());
        }
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }
}
