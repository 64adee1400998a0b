package com.storagecompressai.systemtest;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The S3Proxy bucket the gateways store into, seen through the AWS SDK rather than through the gateway's code. */
final class Bucket implements AutoCloseable {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String name;

    Bucket(URI endpoint, String name, String accessKey, String secretKey) {
        this.name = name;
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
        this.presigner = S3Presigner.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
        this.s3 = S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClientBuilder(Apache5HttpClient.builder())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    /** Creates the bucket; false while S3Proxy does not answer yet. */
    boolean tryCreate() {
        try {
            s3.createBucket(b -> b.bucket(name));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    Set<String> names() {
        Set<String> names = new TreeSet<>();
        s3.listObjectsV2Paginator(b -> b.bucket(name)).contents().stream().map(S3Object::key).forEach(names::add);
        return names;
    }

    byte[] bytes(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(name).key(key)).asByteArray();
    }

    /**
     * The same URL signed for a minute: S3Proxy keeps each object private (it has no bucket policies), where a real
     * deployment makes the bucket publicly readable.
     */
    URI signed(URI url) {
        String key = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
        URI signed = URI.create(presigner.presignGetObject(b -> b.signatureDuration(Duration.ofMinutes(1))
                .getObjectRequest(o -> o.bucket(name).key(key))).url().toString());
        if (!signed.getPath().equals(url.getPath()) || signed.getPort() != url.getPort()) {
            throw new IllegalStateException(url + " is not an object of bucket " + name + " (signed: " + signed + ")");
        }
        return signed;
    }

    @Override
    public void close() {
        presigner.close();
        s3.close();
    }
}
