package com.storagecompressai.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storagecompressai.storage.StorageConfig.Local;
import com.storagecompressai.storage.StorageConfig.S3;
import com.storagecompressai.storage.StorageConfig.Supabase;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StorageConfigTest {

    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.c2ln";

    @Test
    void withNothingSetIsLocalWithDocumentedDefaults() {
        StorageConfig config = StorageConfig.from(Map.of(), 3000);

        assertThat(config.backend()).isEqualTo(
                new Local(Path.of("./data"), "images", URI.create("http://localhost:3000")));
    }

    @Test
    void defaultPublicBaseUrlUsesTheGatewayPort() {
        StorageConfig config = StorageConfig.from(Map.of(), 8080);

        assertThat(((Local) config.backend()).publicBaseUrl()).isEqualTo(URI.create("http://localhost:8080"));
    }

    @Test
    void localReadsItsThreeVariablesAndDropsTrailingSlash() {
        StorageConfig config = StorageConfig.from(Map.of("LOCAL_STORAGE_DIR", "/var/lib/sc", "LOCAL_BUCKET", "pics",
                "PUBLIC_BASE_URL", "https://img.example.com/"), 3000);

        assertThat(config.backend()).isEqualTo(
                new Local(Path.of("/var/lib/sc"), "pics", URI.create("https://img.example.com")));
    }

    @Test
    void supabaseUrlAloneSelectsSupabaseWithBucketImages() {
        StorageConfig config = StorageConfig.from(
                Map.of("SUPABASE_URL", "https://abc.supabase.co", "SUPABASE_KEY", JWT), 3000);

        assertThat(config.backend()).isEqualTo(new Supabase(URI.create("https://abc.supabase.co"), JWT, "images"));
    }

    @Test
    void explicitBackendWinsOverSupabaseUrl() {
        StorageConfig config = StorageConfig.from(
                Map.of("STORAGE_BACKEND", "local", "SUPABASE_URL", "https://abc.supabase.co"), 3000);

        assertThat(config.backend()).isInstanceOf(Local.class);
    }

    @Test
    void blankValuesCountAsUnset() {
        StorageConfig config = StorageConfig.from(
                Map.of("STORAGE_BACKEND", " ", "SUPABASE_URL", "", "LOCAL_BUCKET", ""), 3000);

        assertThat(config.backend()).isEqualTo(
                new Local(Path.of("./data"), "images", URI.create("http://localhost:3000")));
    }

    @Test
    void supabaseWithoutKeyFailsWithOneLineNamingTheVariable() {
        assertThatThrownBy(() -> StorageConfig.from(Map.of("SUPABASE_URL", "https://abc.supabase.co"), 3000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("SUPABASE_KEY is required")
                .hasMessageNotContaining("\n");
    }

    @Test
    void supabaseChosenWithoutUrlFails() {
        assertThatThrownBy(() -> StorageConfig.from(Map.of("STORAGE_BACKEND", "supabase", "SUPABASE_KEY", JWT), 3000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("SUPABASE_URL is required");
    }

    @Test
    void supabaseUrlMustBeHttp() {
        assertThatThrownBy(() -> StorageConfig.from(Map.of("SUPABASE_URL", "abc.supabase.co", "SUPABASE_KEY", JWT), 3000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SUPABASE_URL must be an http(s) URL");
    }

    @Test
    void unknownBackendIsNamed() {
        assertThatThrownBy(() -> StorageConfig.from(Map.of("STORAGE_BACKEND", "ftp"), 3000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("STORAGE_BACKEND must be supabase, s3 or local, not 'ftp'");
    }

    @Test
    void backendNameIsCaseInsensitive() {
        assertThat(StorageConfig.from(Map.of("STORAGE_BACKEND", "LOCAL"), 3000).backend()).isInstanceOf(Local.class);
    }

    @Test
    void s3ReadsAllItsVariables() {
        StorageConfig config = StorageConfig.from(Map.of("STORAGE_BACKEND", "s3", "S3_ENDPOINT", "http://minio:9000/",
                "S3_REGION", "eu-west-3", "S3_BUCKET", "imgs", "S3_ACCESS_KEY_ID", "AKID", "S3_SECRET_ACCESS_KEY", "shh",
                "S3_PUBLIC_BASE_URL", "https://cdn.example.com/imgs"), 3000);

        assertThat(config.backend()).isEqualTo(new S3(Optional.of(URI.create("http://minio:9000")), "eu-west-3",
                "imgs", Optional.of(new StorageConfig.S3Credentials("AKID", "shh")),
                Optional.of(URI.create("https://cdn.example.com/imgs"))));
    }

    @Test
    void s3DefaultsToUsEast1AndTheDefaultCredentialChain() {
        S3 s3 = (S3) StorageConfig.from(Map.of("STORAGE_BACKEND", "s3", "S3_BUCKET", "imgs"), 3000).backend();

        assertThat(s3.region()).isEqualTo("us-east-1");
        assertThat(s3.endpoint()).isEmpty();
        assertThat(s3.credentials()).isEmpty();
    }

    @Test
    void s3WithoutBucketFails() {
        assertThatThrownBy(() -> StorageConfig.from(Map.of("STORAGE_BACKEND", "s3"), 3000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("S3_BUCKET is required");
    }

    @Test
    void s3KeyIdWithoutSecretFails() {
        assertThatThrownBy(() -> StorageConfig.from(
                Map.of("STORAGE_BACKEND", "s3", "S3_BUCKET", "b", "S3_ACCESS_KEY_ID", "AKID"), 3000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together");
    }

    @Test
    void localBucketMustBeAPlainFolderName() {
        assertThatThrownBy(() -> StorageConfig.from(Map.of("LOCAL_BUCKET", "../etc"), 3000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("LOCAL_BUCKET must be a plain folder name");
    }

    @Test
    void describeAndToStringNeverShowSecrets() {
        StorageConfig supabase = StorageConfig.from(
                Map.of("SUPABASE_URL", "https://abc.supabase.co", "SUPABASE_KEY", JWT), 3000);
        StorageConfig s3 = StorageConfig.from(Map.of("STORAGE_BACKEND", "s3", "S3_BUCKET", "b",
                "S3_ACCESS_KEY_ID", "AKID", "S3_SECRET_ACCESS_KEY", "very-secret"), 3000);

        assertThat(supabase.describe()).isEqualTo("storage=supabase url=https://abc.supabase.co bucket=images key=jwt(hidden)");
        assertThat(supabase.toString()).doesNotContain(JWT);
        assertThat(supabase.backend().toString()).doesNotContain(JWT);
        assertThat(s3.describe()).contains("bucket=b").contains("AKID").doesNotContain("very-secret");
        assertThat(s3.backend().toString()).doesNotContain("very-secret");
    }

    @Test
    void startingNeverContactsTheStore() {
        // An address nothing listens on: building config and store must still succeed.
        StorageConfig config = StorageConfig.from(
                Map.of("SUPABASE_URL", "http://127.0.0.1:1", "SUPABASE_KEY", JWT, "SUPABASE_BUCKET", "nope"), 3000);

        try (ObjectStore store = ObjectStores.open(config)) {
            assertThat(store.publicUrl("x.jpg"))
                    .isEqualTo(URI.create("http://127.0.0.1:1/storage/v1/object/public/nope/x.jpg"));
        }
    }
}
