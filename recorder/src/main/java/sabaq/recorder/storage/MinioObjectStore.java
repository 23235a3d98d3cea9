package sabaq.recorder.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.UploadObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.Item;
import okhttp3.OkHttpClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ObjectStore} on the MinIO Java SDK (S3 REST API with AWS Signature V4). Each upload carries its SHA-256 as
 * user metadata ({@code x-amz-meta-sha256}) and is read back in full and hashed before it counts as stored, so a
 * truncated or corrupted object is detected at once, on any S3 server (checksum headers are not universally
 * supported). Thread safe (the SDK client is).
 */
public final class MinioObjectStore implements ObjectStore {
    static final String SHA256_META = "sha256";

    private final MinioClient client;
    private final String bucket;

    public MinioObjectStore(S3Settings settings) {
        Objects.requireNonNull(settings, "settings");
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(settings.timeout())
                .readTimeout(settings.timeout())
                .writeTimeout(settings.timeout())
                .retryOnConnectionFailure(false)
                .build();
        this.client = MinioClient.builder()
                .endpoint(settings.endpoint())
                .credentials(settings.accessKey(), settings.secretKey())
                .region(settings.region())
                .httpClient(http)
                .build();
        this.bucket = settings.bucket();
    }

    public String bucket() {
        return bucket;
    }

    @Override
    public void ensureBucket() throws StorageException {
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            }
        } catch (MinioException | RuntimeException e) {
            throw failure("cannot create bucket " + bucket, e);
        }
    }

    @Override
    public StoredObject putVerified(String key, Path file, String contentType) throws StorageException {
        String sha;
        long length;
        try {
            sha = Sha256.of(file);
            length = Files.size(file);
        } catch (IOException e) {
            throw new StorageException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            client.uploadObject(UploadObjectArgs.builder().bucket(bucket).object(key)
                    .filename(file.toString())
                    .contentType(contentType)
                    .userMetadata(Map.of(SHA256_META, sha))
                    .build());
        } catch (MinioException | RuntimeException e) {
            throw failure("upload of " + key + " failed", e);
        }
        Sha256.Digest stored;
        try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            stored = Sha256.of(in);
        } catch (MinioException | IOException | RuntimeException e) {
            throw failure("read-back of " + key + " failed", e);
        }
        if (!stored.hex().equals(sha) || stored.length() != length) {
            throw new StorageException("checksum mismatch for " + key + ": local " + sha + " (" + length
                    + " bytes), stored " + stored.hex() + " (" + stored.length() + " bytes)");
        }
        return new StoredObject(key, length, sha);
    }

    @Override
    public Optional<StoredObject> stat(String key) throws StorageException {
        try {
            StatObjectResponse r = client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
            return Optional.of(new StoredObject(key, r.size(), r.userMetadata().getFirst(SHA256_META)));
        } catch (ErrorResponseException e) {
            if (isMissing(e)) return Optional.empty();
            throw failure("stat of " + key + " failed", e);
        } catch (MinioException | RuntimeException e) {
            throw failure("stat of " + key + " failed", e);
        }
    }

    @Override
    public Optional<OpenObject> open(String key) throws StorageException {
        try {
            GetObjectResponse r = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build());
            String length = r.headers().get("Content-Length");
            String type = r.headers().get("Content-Type");
            return Optional.of(new OpenObject(r, length == null ? -1 : Long.parseLong(length),
                    type == null ? "application/octet-stream" : type));
        } catch (ErrorResponseException e) {
            if (isMissing(e)) return Optional.empty();
            throw failure("get of " + key + " failed", e);
        } catch (MinioException | RuntimeException e) {
            throw failure("get of " + key + " failed", e);
        }
    }

    @Override
    public List<String> list(String prefix) throws StorageException {
        List<String> keys = new ArrayList<>();
        try {
            for (Result<Item> r : client.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix)
                    .recursive(true).build())) {
                Item item = r.get();
                if (!item.isDir() && !item.objectName().endsWith("/")) keys.add(item.objectName());
            }
        } catch (MinioException | RuntimeException e) {
            throw failure("listing " + prefix + " failed", e);
        }
        keys.sort(null);
        return keys;
    }

    private static boolean isMissing(ErrorResponseException e) {
        String code = e.errorResponse() == null ? null : e.errorResponse().code();
        return "NoSuchKey".equals(code) || "NoSuchObject".equals(code) || "NotFound".equals(code)
                || (e.response() != null && e.response().code() == 404);
    }

    private static StorageException failure(String what, Exception e) {
        return new StorageException(what + ": " + e, e);
    }

    /** Connection settings of one bucket. */
    public record S3Settings(String endpoint, String region, String bucket, String accessKey, String secretKey,
                             Duration timeout) {
        public S3Settings {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(accessKey, "accessKey");
            Objects.requireNonNull(secretKey, "secretKey");
            Objects.requireNonNull(timeout, "timeout");
        }

        /** Hides the secret key. */
        @Override
        public String toString() {
            return "S3Settings[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + "]";
        }
    }
}
