package com.storagecompressai.gateway;

import static com.storagecompressai.gateway.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.storagecompressai.gateway.multipart.OptionFields;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /openapi.json, checked against what the running gateway actually does. */
class OpenApiIT {

    @TempDir
    static Path data;

    static TestGateway gateway;
    static JsonNode spec;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start(data, Map.of("MAX_PIXELS", "1000000", "GATEWAY_READ_TIMEOUT_SECONDS", "1"));
        HttpResponse<byte[]> response = gateway.get("/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        spec = json(response);
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    private static JsonNode compressOperation() {
        return spec.path("paths").path("/compress").path("post");
    }

    private static JsonNode formFields() {
        return compressOperation().path("requestBody").path("content").path("multipart/form-data").path("schema").path("properties");
    }

    private static Set<String> documentedCodes(String status) {
        Set<String> codes = new HashSet<>();
        compressOperation().path("responses").path(status).path("content").path("application/json").path("schema").path("allOf")
                .forEach(part -> part.path("properties").path("code").path("enum").forEach(code -> codes.add(code.asText())));
        return codes;
    }

    private static Set<String> names(Iterator<String> iterator) {
        Set<String> names = new TreeSet<>();
        iterator.forEachRemaining(names::add);
        return names;
    }

    private static MultipartBody png() {
        return MultipartBody.create().file("image", "a.png", "image/png", TestImages.gradientPng(48, 32));
    }

    @Test
    void isOpenApi31AndDocumentsEveryRoute() {
        assertThat(spec.path("openapi").asText()).startsWith("3.1");
        assertThat(names(spec.path("paths").fieldNames())).contains("/compress", "/health", "/health/ready", "/metrics",
                "/openapi.json", "/storage/v1/object/public/{bucket}/{name}");
    }

    @Test
    void documentsExactlyTheFormFieldsTheGatewayReads() {
        Set<String> expected = new TreeSet<>(OptionFields.NAMES);
        expected.add("image");
        assertThat(names(formFields().fieldNames())).isEqualTo(expected);
        assertThat(compressOperation().path("requestBody").path("content").path("multipart/form-data").path("schema")
                .path("required").toString()).isEqualTo("[\"image\"]");
    }

    @Test
    void requiresTheApiKeyHeaderAndAnswersItsAbsenceWithADocumented401() {
        JsonNode header = null;
        for (JsonNode parameter : compressOperation().path("parameters")) {
            if (parameter.path("name").asText().equals("x-api-key")) {
                header = parameter;
            }
        }
        assertThat(header).isNotNull();
        assertThat(header.path("in").asText()).isEqualTo("header");
        assertThat(header.path("required").asBoolean()).isTrue();
        HttpResponse<byte[]> response = gateway.compress(null, png());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(documentedCodes("401")).contains(Bodies.code(response));
    }

    @Test
    void everyDocumentedOptionalFieldRefusesABadValueWithADocumented400Code() {
        Set<String> codes = documentedCodes("400");
        formFields().fieldNames().forEachRemaining(field -> {
            if (field.equals("image")) {
                return;
            }
            HttpResponse<byte[]> response = gateway.compress(TestGateway.KEY, png().field(field, "bogus!"));
            assertThat(response.statusCode()).as(field).isEqualTo(400);
            assertThat(codes).as(field).contains(Bodies.code(response));
        });
    }

    @Test
    void everyDocumentedEnumValueOfAFormFieldIsAccepted() {
        formFields().fields().forEachRemaining(field -> field.getValue().path("enum").forEach(value -> {
            HttpResponse<byte[]> response = gateway.compress(TestGateway.KEY, png().field(field.getKey(), value.asText()));
            assertThat(response.statusCode()).as(field.getKey() + "=" + value.asText() + " " + new String(response.body()))
                    .isEqualTo(200);
        }));
    }

    @Test
    void theSuccessBodyMatchesTheSchema() {
        JsonNode schema = spec.path("components").path("schemas").path("CompressResult");
        Set<String> properties = names(schema.path("properties").fieldNames());
        for (MultipartBody body : new MultipartBody[] {png(), png().field("target", "0.9").field("width", "24")}) {
            JsonNode result = json(gateway.compress(TestGateway.KEY, body));
            assertThat(properties).containsAll(names(result.fieldNames()));
            schema.path("required").forEach(name -> assertThat(result.has(name.asText())).as(name.asText()).isTrue());
            result.fields().forEachRemaining(field -> {
                String type = schema.path("properties").path(field.getKey()).path("type").asText();
                switch (type) {
                    case "integer" -> assertThat(field.getValue().isIntegralNumber()).as(field.getKey()).isTrue();
                    case "number" -> assertThat(field.getValue().isNumber()).as(field.getKey()).isTrue();
                    default -> assertThat(field.getValue().isTextual()).as(field.getKey()).isTrue();
                }
            });
            assertThat(schema.path("properties").path("source").path("enum").toString()).contains(result.path("source").asText());
        }
    }

    @Test
    void everyDocumentedStatusOfCompressIsProducedWithADocumentedCode(@TempDir Path other) throws Exception {
        Map<Integer, HttpResponse<byte[]>> produced = new java.util.TreeMap<>();
        produced.put(200, gateway.compress(TestGateway.KEY, png()));
        produced.put(400, gateway.compress(TestGateway.KEY, MultipartBody.create().field("quality", "80")));
        produced.put(401, gateway.compress("wrong", png()));
        produced.put(413, gateway.compress(TestGateway.KEY, MultipartBody.create()
                .file("image", "bomb.png", "image/png", TestImages.pngHeaderClaiming(5000, 5000))));
        produced.put(422, gateway.compress(TestGateway.KEY, png().field("max_bytes", "10")));
        int deadPort = TestGateway.freePort();
        try (TestGateway deadEngine = TestGateway.start(other.resolve("a"), Map.of("ENGINE_URL", "http://127.0.0.1:" + deadPort,
                "RATE_LIMIT_MAX", "1"))) {
            produced.put(503, deadEngine.compress(TestGateway.KEY, png()));
            produced.put(429, deadEngine.compress(TestGateway.KEY, png()));
        }
        try (FakeSupabase supabase = new FakeSupabase().otherwise(FakeSupabase.Fault.HTTP_500);
                TestGateway failingStore = TestGateway.start(other.resolve("b"), Map.of("STORAGE_BACKEND", "supabase",
                        "SUPABASE_URL", supabase.url(), "SUPABASE_KEY", "sb_secret_test", "STORAGE_DEADLINE_SECONDS", "2"))) {
            produced.put(500, failingStore.compress(TestGateway.KEY, png()));
        }
        Optional<RawHttp.Response> timeout = stalledUpload();

        Set<String> documented = names(compressOperation().path("responses").fieldNames());
        Set<String> seen = new TreeSet<>();
        produced.forEach((status, response) -> {
            assertThat(response.statusCode()).as("%s: %s", status, new String(response.body())).isEqualTo(status);
            seen.add(Integer.toString(status));
            if (status != 200) {
                assertThat(documentedCodes(Integer.toString(status))).contains(Bodies.code(response));
                assertErrorShape(json(response), status);
            }
        });
        assertThat(timeout).isPresent();
        assertThat(timeout.get().status()).isEqualTo(408);
        assertThat(parse(timeout.get().body()).path("code").asText()).isIn(documentedCodes("408"));
        seen.add("408");
        assertThat(seen).isEqualTo(documented);
    }

    private static Optional<RawHttp.Response> stalledUpload() throws Exception {
        try (RawHttp raw = new RawHttp(gateway.server().port(), 15_000)) {
            String head = "--" + MultipartBody.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a\"\r\n\r\n";
            raw.send("POST /compress HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: " + TestGateway.KEY + "\r\nContent-Type: "
                    + MultipartBody.contentType() + "\r\nContent-Length: 100000\r\n\r\n" + head + "partial-bytes");
            return raw.response();
        }
    }

    private static JsonNode parse(String body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertErrorShape(JsonNode body, int status) {
        JsonNode error = spec.path("components").path("schemas").path("Error");
        error.path("required").forEach(name -> assertThat(body.has(name.asText())).as(name.asText()).isTrue());
        assertThat(body.path("statusCode").asInt()).isEqualTo(status);
        assertThat(error.path("properties").path("code").path("enum").toString()).contains("\"" + body.path("code").asText() + "\"");
    }

    @Test
    void theOtherRoutesAnswerTheirDocumentedStatuses() {
        JsonNode paths = spec.path("paths");
        assertThat(paths.path("/health").path("get").path("responses").has(Integer.toString(gateway.get("/health").statusCode()))).isTrue();
        assertThat(paths.path("/health/ready").path("get").path("responses").has(Integer.toString(gateway.get("/health/ready").statusCode())))
                .isTrue();
        assertThat(paths.path("/metrics").path("get").path("responses").has(Integer.toString(gateway.get("/metrics").statusCode()))).isTrue();
        JsonNode objectResponses = paths.path("/storage/v1/object/public/{bucket}/{name}").path("get").path("responses");
        URI url = URI.create(json(gateway.compress(TestGateway.KEY, png())).path("url").asText());
        HttpResponse<byte[]> stored = gateway.send(HttpRequest.newBuilder(url).GET().build());
        HttpResponse<byte[]> missing = gateway.get("/storage/v1/object/public/images/nothing-here.jpg");
        HttpResponse<byte[]> unchanged = gateway.send(HttpRequest.newBuilder(url)
                .header("If-None-Match", stored.headers().firstValue("ETag").orElseThrow()).GET().build());
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(names(objectResponses.fieldNames())).containsExactlyInAnyOrder("200", "304", "404");
    }
}
