package com.storagecompressai.storage.s3;

import com.storagecompressai.storage.CallLimits;
import com.storagecompressai.storage.ObjectName;
import com.storagecompressai.storage.ObjectStore;
import com.storagecompressai.storage.StorageConfig;
import com.storagecompressai.storage.StorageException;
import com.storagecompressai.storage.StoredObject;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Any S3-compatible store through the AWS SDK. With {@code S3_ENDPOINT} set, requests go there with
 * path-style addressing (what MinIO, R2, Ceph and S3Proxy expect); without it, to AWS.
 *
 * <p>One object is one {@code PutObject}: S3 stores a single PUT whole or not at all. The SDK retries
 * throttling, 5xx and connection failures, at most {@link CallLimits#maxAttempts()} tries within
 * {@link CallLimits#deadline()}. Thread-safe.
 */
public final class S3ObjectStore implements ObjectStore {

    static final String CACHE_CONTROL = "max-age=31536000, immutable";

    private final StorageConfig.S3 config;
    private final CallLimits limits;
    private final S3Client s3;

    public S3ObjectStore(StorageConfig.S3 config) {
        this(config, CallLimits.DEFAULT);
    }

    public S3ObjectStore(StorageConfig.S3 config, CallLimits limits) {
        this.config = config;
        this.limits = limits;
        this.s3 = client(config, limits);
    }

    @Override
    public StoredObject put(String name, byte[] content, String contentType) throws StorageException {
        ObjectName.requireSafe(name);
        PutObjectRequest request = PutObjectRequest.builder()
                .bucket(config.bucket())
                .key(name)
                .contentType(contentType == null ? "image/jpeg" : contentType)
                .contentLength((long) content.length)
                .cacheControl(CACHE_CONTROL)
                .build();
        try {
            s3.putObject(request, RequestBody.fromBytes(content));
            return new StoredObject(name, publicUrl(name), content.length);
        } catch (AwsServiceException e) {
            throw new StorageException("s3 refused upload of " + config.bucket() + "/" + name + ": HTTP "
                    + e.statusCode() + " " + (e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode()), e);
        } catch (SdkException e) {
            throw new StorageException("s3 upload of " + config.bucket() + "/" + name + " failed: " + e.getMessage(), e);
        }
    }

    /** One {@code DeleteObject}: S3 answers 204 whether or not the key existed. Retried as a put is. */
    @Override
    public void delete(String name) throws StorageException {
        ObjectName.requireSafe(name);
        try {
            s3.deleteObject(DeleteObjectRequest.builder().bucket(config.bucket()).key(name).build());
        } catch (AwsServiceException e) {
            throw new StorageException("s3 refused delete of " + config.bucket() + "/" + name + ": HTTP "
                    + e.statusCode() + " " + (e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode()), e);
        } catch (SdkException e) {
            throw new StorageException("s3 delete of " + config.bucket() + "/" + name + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * {@code S3_PUBLIC_BASE_URL/<name>} when set; else {@code <endpoint>/<bucket>/<name>} for a custom
     * endpoint, or AWS's virtual-hosted {@code https://<bucket>.s3.<region>.amazonaws.com/<name>}.
     */
    @Override
    public URI publicUrl(String name) {
        ObjectName.requireSafe(name);
        if (config.publicBaseUrl().isPresent()) {
            return URI.create(config.publicBaseUrl().get() + "/" + name);
        }
        return config.endpoint()
                .map(endpoint -> URI.create(endpoint + "/" + config.bucket() + "/" + name))
                .orElseGet(() -> URI.create("https://" + config.bucket() + ".s3." + config.region()
                        + ".amazonaws.com/" + name));
    }

    /** Ready when {@code HeadBucket} succeeds within {@link CallLimits#readinessTimeout()}. */
    @Override
    public boolean isReady() {
        try {
            s3.headBucket(HeadBucketRequest.builder()
                    .bucket(config.bucket())
                    .overrideConfiguration(o -> o.apiCallTimeout(limits.readinessTimeout()))
                    .build());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    private static S3Client client(StorageConfig.S3 config, CallLimits limits) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config))
                .httpClientBuilder(Apache5HttpClient.builder()
                        .connectionTimeout(limits.connectTimeout())
                        .socketTimeout(limits.attemptTimeout()))
                // Many S3-compatible stores reject the SDK's default trailing checksums (aws-chunked).
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o
                        .apiCallTimeout(limits.deadline())
                        .apiCallAttemptTimeout(limits.attemptTimeout())
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(limits.maxAttempts())
                                .build()));
        config.endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(StorageConfig.S3 config) {
        return config.credentials()
                .<AwsCredentialsProvider>map(c -> StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }
}
