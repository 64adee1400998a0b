package com.storagecompressai.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.storage.local.LocalObjectStore;
import com.storagecompressai.storage.s3.S3ObjectStore;
import com.storagecompressai.storage.supabase.SupabaseObjectStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectStoresTest {

    @TempDir
    Path root;

    @Test
    void opensTheBackendTheConfigNames() {
        try (ObjectStore local = ObjectStores.open(StorageConfig.from(Map.of("LOCAL_STORAGE_DIR", root.toString()), 3000));
             ObjectStore s3 = ObjectStores.open(StorageConfig.from(Map.of("STORAGE_BACKEND", "s3", "S3_BUCKET", "b",
                     "S3_ENDPOINT", "http://127.0.0.1:1", "S3_ACCESS_KEY_ID", "a", "S3_SECRET_ACCESS_KEY", "s"), 3000));
             ObjectStore supabase = ObjectStores.open(StorageConfig.from(
                     Map.of("SUPABASE_URL", "http://127.0.0.1:1", "SUPABASE_KEY", "sb_secret_x"), 3000))) {

            assertThat(local).isInstanceOf(LocalObjectStore.class);
            assertThat(s3).isInstanceOf(S3ObjectStore.class);
            assertThat(supabase).isInstanceOf(SupabaseObjectStore.class);
        }
    }

    @Test
    void s3PublicUrlPrefersTheConfiguredBaseThenEndpointThenAws() {
        try (ObjectStore cdn = ObjectStores.open(StorageConfig.from(Map.of("STORAGE_BACKEND", "s3", "S3_BUCKET", "b",
                "S3_PUBLIC_BASE_URL", "https://cdn.example.com/", "S3_ENDPOINT", "http://minio:9000"), 3000));
             ObjectStore endpoint = ObjectStores.open(StorageConfig.from(Map.of("STORAGE_BACKEND", "s3",
                     "S3_BUCKET", "b", "S3_ENDPOINT", "http://minio:9000/"), 3000));
             ObjectStore aws = ObjectStores.open(StorageConfig.from(Map.of("STORAGE_BACKEND", "s3",
                     "S3_BUCKET", "b", "S3_REGION", "eu-west-3"), 3000))) {

            assertThat(cdn.publicUrl("x.jpg")).hasToString("https://cdn.example.com/x.jpg");
            assertThat(endpoint.publicUrl("x.jpg")).hasToString("http://minio:9000/b/x.jpg");
            assertThat(aws.publicUrl("x.jpg")).hasToString("https://b.s3.eu-west-3.amazonaws.com/x.jpg");
        }
    }
}
