package com.storagecompressai.storage.s3;

import java.net.URI;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.BlobAccess;
import org.jclouds.blobstore.domain.ContainerAccess;
import org.jclouds.blobstore.util.ForwardingBlobStore;

/** A real S3 server (S3Proxy over jclouds' in-memory blob store) on 127.0.0.1 and a free port. */
final class S3ProxyServer implements AutoCloseable {

    static final String ACCESS_KEY = "test-access-key";
    static final String SECRET_KEY = "test-secret-key";

    private final BlobStoreContext context;
    private final S3Proxy proxy;
    private boolean running;

    S3ProxyServer() throws Exception {
        context = ContextBuilder.newBuilder("transient")
                .credentials("identity", "credential")
                .build(BlobStoreContext.class);
        proxy = S3Proxy.builder()
                .blobStore(new PublicBucketPolicy(context.getBlobStore()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        running = true;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    void stop() throws Exception {
        if (running) {
            running = false;
            proxy.stop();
        }
    }

    /**
     * Every object of a public-read bucket is readable anonymously, as a bucket policy granting
     * {@code s3:GetObject} to everyone makes it on AWS (where new buckets disable object ACLs, so we set none).
     */
    private static final class PublicBucketPolicy extends ForwardingBlobStore {
        PublicBucketPolicy(BlobStore blobStore) {
            super(blobStore);
        }

        @Override
        public BlobAccess getBlobAccess(String container, String name) {
            return getContainerAccess(container) == ContainerAccess.PUBLIC_READ
                    ? BlobAccess.PUBLIC_READ : super.getBlobAccess(container, name);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } finally {
            context.close();
        }
    }
}
