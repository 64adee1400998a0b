package com.storagecompressai.storage.local;

import com.storagecompressai.storage.ObjectName;
import com.storagecompressai.storage.ObjectStore;
import com.storagecompressai.storage.StorageConfig;
import com.storagecompressai.storage.StorageException;
import com.storagecompressai.storage.StoredObject;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Objects as files in {@code LOCAL_STORAGE_DIR/<bucket>/<name>}, published by the gateway under
 * {@code PUBLIC_BASE_URL/storage/v1/object/public/<bucket>/<name>}.
 *
 * <p>Each put writes a hidden temporary file in the bucket folder, flushes it to disk and renames it
 * over the name in one atomic step, so a reader sees the old object or the new one, never a part. On
 * failure the temporary file is removed. Thread-safe; the folder is created on first use, not at startup.
 */
public final class LocalObjectStore implements ObjectStore {

    private final Path bucketDirectory;
    private final String bucket;
    private final URI publicBaseUrl;
    /** Whether files take POSIX permissions; asked once, since the JDK answers it by reading the mount table. */
    private final boolean posix;

    public LocalObjectStore(StorageConfig.Local config) {
        this.bucket = config.bucket();
        this.bucketDirectory = config.directory().toAbsolutePath().normalize().resolve(config.bucket());
        this.posix = bucketDirectory.getFileSystem().supportedFileAttributeViews().contains("posix");
        this.publicBaseUrl = config.publicBaseUrl();
    }

    @Override
    public StoredObject put(String name, byte[] content, String contentType) throws StorageException {
        ObjectName.requireSafe(name);
        Path target = bucketDirectory.resolve(name);
        Path temporary = null;
        try {
            Files.createDirectories(bucketDirectory);
            // The leading dot keeps the temporary file out of find(): unsafe names are never served.
            temporary = Files.createTempFile(bucketDirectory, "." + name + ".", ".tmp");
            write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
            return new StoredObject(name, publicUrl(name), content.length);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            throw new StorageException("local store could not write " + target + ": " + e, e);
        } finally {
            if (temporary != null) {
                deleteQuietly(temporary);
            }
        }
    }

    /** Removes the file; a name without a file (or a bucket without a folder) is already deleted. */
    @Override
    public void delete(String name) throws StorageException {
        ObjectName.requireSafe(name);
        Path target = bucketDirectory.resolve(name);
        try {
            if (Files.isDirectory(bucketDirectory, LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(target);
            }
        } catch (IOException | SecurityException e) {
            throw new StorageException("local store could not delete " + target + ": " + e, e);
        }
    }

    @Override
    public URI publicUrl(String name) {
        return URI.create(publicBaseUrl + "/storage/v1/object/public/" + bucket + "/" + ObjectName.requireSafe(name));
    }

    /**
     * The stored object {@code bucket/name}, for serving. Empty when the bucket is not this store's, the
     * name is not a plain safe name ({@link ObjectName#isSafe}: no separators, no {@code ..}, no
     * encoding tricks), or no regular file has that name. Never throws, never follows a symbolic link.
     */
    public Optional<LocalObject> find(String bucket, String name) {
        if (!this.bucket.equals(bucket) || !ObjectName.isSafe(name)) {
            return Optional.empty();
        }
        Path path = bucketDirectory.resolve(name);
        if (!path.getParent().equals(bucketDirectory)) {
            return Optional.empty();
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(new LocalObject(path, attributes.size(), etag(attributes),
                    attributes.lastModifiedTime().toInstant()));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Ready when the bucket folder exists (or can be made) and a file can be written in it. */
    @Override
    public boolean isReady() {
        try {
            Files.createDirectories(bucketDirectory);
            Path probe = Files.createTempFile(bucketDirectory, ".ready.", ".tmp");
            Files.delete(probe);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The folder holding this store's objects. */
    public Path bucketDirectory() {
        return bucketDirectory;
    }

    public String bucket() {
        return bucket;
    }

    private void write(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        // createTempFile makes the file private (0600); a stored object is public by design.
        if (posix) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /**
     * Size, modification time and file identity (inode) change together whenever a put replaces the
     * file, because each put renames a new file over the name.
     */
    private static String etag(BasicFileAttributes attributes) {
        String identity = attributes.size() + ":" + attributes.lastModifiedTime().toInstant() + ":"
                + attributes.fileKey();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Nothing more to do: the name never pointed at it, and find() never serves dotted names.
        }
    }
}
