package com.storagecompressai.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The repository's docker-compose.yml keeps the engine unreachable from outside: only the gateway publishes a
 * port; the engines, the nginx in front of them (engine-lb) and Redis sit on the internal network alone, and that
 * network has no route out. Read as data, so a new service or a stray {@code ports:} fails the build.
 */
class ComposeNetworkTest {

    private static final List<String> INTERNAL_ONLY = List.of("compressor-engine", "engine-lb", "redis");

    private static Map<String, Object> compose;

    @BeforeAll
    static void read() throws IOException {
        // compose.file points the test at another file, to see it fail on a broken one
        Path file = Path.of(System.getProperty("compose.file",
                Path.of(System.getProperty("basedir", ".")).resolve("../docker-compose.yml").toString())).normalize();
        try (Reader in = Files.newBufferedReader(file)) {
            compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
    }

    @Test
    void theEngineItsBalancerAndRedisPublishNoPortAndUseTheHostNetworkNever() {
        for (String name : INTERNAL_ONLY) {
            Map<String, Object> service = service(name);
            assertThat(service).as(name).doesNotContainKeys("ports", "network_mode");
        }
    }

    @Test
    void theEngineItsBalancerAndRedisAreOnTheInternalNetworkOnly() {
        for (String name : INTERNAL_ONLY) {
            assertThat(networksOf(service(name))).as(name).containsExactly("internal");
        }
    }

    @Test
    void theInternalNetworkHasNoRouteOut() {
        Map<String, Object> networks = map(compose.get("networks"));
        assertThat(map(networks.get("internal"))).containsEntry("internal", true);
    }

    @Test
    void onlyTheGatewayPublishesAPortAndItTalksToTheEnginesThroughTheBalancer() {
        Map<String, Object> services = map(compose.get("services"));
        List<String> publishing = services.entrySet().stream()
                .filter(entry -> map(entry.getValue()).containsKey("ports"))
                .map(Map.Entry::getKey)
                .toList();
        assertThat(publishing).containsExactly("api-gateway");
        Map<String, Object> gateway = service("api-gateway");
        assertThat((List<?>) gateway.get("ports")).hasSize(1);
        assertThat(map(gateway.get("environment")).get("ENGINE_URL")).isEqualTo("http://engine-lb:8000");
        assertThat(networksOf(gateway)).contains("internal");
    }

    private static Map<String, Object> service(String name) {
        Map<String, Object> service = map(map(compose.get("services")).get(name));
        assertThat(service).as("service " + name + " in docker-compose.yml").isNotEmpty();
        return service;
    }

    /** Compose allows networks as a list or as a map of network name to settings. */
    private static List<String> networksOf(Map<String, Object> service) {
        Object networks = service.get("networks");
        if (networks instanceof Map<?, ?> byName) {
            return byName.keySet().stream().map(String::valueOf).toList();
        }
        if (networks instanceof List<?> names) {
            return names.stream().map(String::valueOf).toList();
        }
        return List.of("default");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
