package com.storagecompressai.storage;

import com.storagecompressai.storage.local.LocalObjectStore;
import com.storagecompressai.storage.s3.S3ObjectStore;
import com.storagecompressai.storage.supabase.SupabaseObjectStore;

/** Opens the store a {@link StorageConfig} describes. */
public final class ObjectStores {

    private ObjectStores() {
    }

    /**
     * The store for {@code config}, with {@link CallLimits#DEFAULT}. Contacts nothing: an unreachable
     * store or a missing bucket shows in {@link ObjectStore#isReady()} and in failed puts, not here.
     * The gateway serves a {@link LocalObjectStore}'s objects itself ({@code instanceof} tells).
     */
    public static ObjectStore open(StorageConfig config) {
        return open(config, CallLimits.DEFAULT);
    }

    public static ObjectStore open(StorageConfig config, CallLimits limits) {
        return switch (config.backend()) {
            case StorageConfig.Local local -> new LocalObjectStore(local);
            case StorageConfig.S3 s3 -> new S3ObjectStore(s3, limits);
            case StorageConfig.Supabase supabase -> new SupabaseObjectStore(supabase, limits);
        };
    }
}
