package com.storagecompressai.gateway.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.storagecompressai.engine.api.Compressor;
import com.storagecompressai.storage.ObjectStore;
import java.util.Map;

/** Liveness ({@code /health}, touches nothing) and readiness ({@code /health/ready}, asks engine and storage). */
public final class HealthRoutes {

    private static final byte[] LIVE = Json.bytes(Map.of("status", "ok"));

    private final Compressor compressor;
    private final ObjectStore store;

    public HealthRoutes(Compressor compressor, ObjectStore store) {
        this.compressor = compressor;
        this.store = store;
    }

    public Reply live() {
        return Reply.json(200, LIVE);
    }

    public Reply ready() {
        boolean engine = compressor.isReady();
        boolean storage = store.isReady();
        boolean ready = engine && storage;
        Readiness body = new Readiness(ready ? "ok" : "unavailable", state(engine), state(storage));
        return Reply.json(ready ? 200 : 503, Json.bytes(body));
    }

    private static String state(boolean ready) {
        return ready ? "ready" : "not ready";
    }

    @JsonPropertyOrder({"status", "engine", "storage"})
    record Readiness(String status, String engine, String storage) {
    }
}
