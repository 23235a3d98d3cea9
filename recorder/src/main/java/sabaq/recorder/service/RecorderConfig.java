package sabaq.recorder.service;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import sabaq.common.config.ConfigValues;
import sabaq.recorder.post.LadderSettings;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the recorder ({@code sabaq.recorder.*}) and of its object storage ({@code sabaq.storage.s3.*}), read
 * from reference.conf and validated when loaded: a bad value fails with a {@link ConfigException} naming the key.
 */
public record RecorderConfig(boolean enabled, String ffmpegBin, String ffprobeBin, Path spoolDir, long spoolMaxBytes,
                             Path workDir, Duration segmentLength, String bindHost, String displayName,
                             int maxRecordings, int postProcessingThreads, Duration rejoinBackoff,
                             Duration peerSilenceTimeout, Duration uploadRetryMin, Duration uploadRetryMax,
                             LadderSettings ladder, Storage storage) {

    public static final String PATH = "sabaq.recorder";
    public static final String STORAGE_PATH = "sabaq.storage.s3";

    /** {@code sabaq.storage.s3.*}. */
    public record Storage(boolean embedded, Path embeddedDir, int embeddedPort, String endpoint, String region,
                          String bucket, String accessKey, String secretKey, Duration timeout) {
        /** Hides the secret key. */
        @Override
        public String toString() {
            return "Storage[embedded=" + embedded + ", endpoint=" + (endpoint.isEmpty() ? "<embedded>" : endpoint)
                    + ", region=" + region + ", bucket=" + bucket + "]";
        }
    }

    public static RecorderConfig from(Config config) {
        ConfigValues v = new ConfigValues(config, PATH);
        ConfigValues s = new ConfigValues(config, STORAGE_PATH);
        LadderSettings ladder = new LadderSettings(
                preset(v.nonBlank("ladder.x264-preset")),
                v.bitrateIn("ladder.bitrate-720p", 300_000, 20_000_000),
                v.bitrateIn("ladder.bitrate-360p", 100_000, 5_000_000),
                v.bitrateIn("ladder.audio-bitrate", 16_000, 320_000),
                (int) v.durationIn("ladder.hls-segment", Duration.ofSeconds(1), Duration.ofSeconds(30)).toSeconds());
        Storage storage = new Storage(
                s.bool("embedded"),
                Path.of(s.nonBlank("embedded-dir")),
                s.port("embedded-port"),
                endpoint(s.string("endpoint").trim(), s.bool("embedded")),
                s.nonBlank("region"),
                bucket(s.nonBlank("bucket")),
                s.nonBlank("access-key"),
                s.nonBlank("secret-key"),
                s.durationIn("timeout", Duration.ofSeconds(1), Duration.ofMinutes(10)));
        return new RecorderConfig(
                v.bool("enabled"),
                v.string("ffmpeg-bin").trim(),
                v.string("ffprobe-bin").trim(),
                Path.of(v.nonBlank("spool-dir")),
                bytesIn(config, PATH + ".spool-max-bytes", 16L << 20, 1L << 44),
                Path.of(v.nonBlank("work-dir")),
                v.durationIn("segment-length", Duration.ofSeconds(1), Duration.ofMinutes(5)),
                v.nonBlank("bind-host"),
                v.nonBlank("display-name"),
                v.intIn("max-recordings", 1, 10_000),
                v.intIn("post-processing-threads", 1, 64),
                v.durationIn("rejoin-backoff", Duration.ofMillis(10), Duration.ofMinutes(1)),
                v.durationIn("peer-silence-timeout", Duration.ofSeconds(1), Duration.ofMinutes(5)),
                v.durationIn("upload-retry-min", Duration.ofMillis(10), Duration.ofMinutes(1)),
                v.durationIn("upload-retry-max", Duration.ofMillis(10), Duration.ofMinutes(30)),
                ladder, storage);
    }

    public static RecorderConfig defaults() {
        return from(ConfigFactory.defaultReference());
    }

    private static long bytesIn(Config c, String key, long min, long max) {
        long v = c.getBytes(key);
        if (v < min || v > max) throw new ConfigException.BadValue(key, "must be in [" + min + ", " + max + "] bytes, was " + v);
        return v;
    }

    private static String preset(String p) {
        switch (p) {
            case "ultrafast":
            case "superfast":
            case "veryfast":
            case "faster":
            case "fast":
            case "medium":
                return p;
            default:
                throw new ConfigException.BadValue(PATH + ".ladder.x264-preset",
                        "must be ultrafast, superfast, veryfast, faster, fast or medium, was " + p);
        }
    }

    private static String endpoint(String e, boolean embedded) {
        String key = STORAGE_PATH + ".endpoint";
        if (e.isEmpty()) {
            if (!embedded) throw new ConfigException.BadValue(key, "must be set when embedded = false");
            return e;
        }
        if (!e.startsWith("http://") && !e.startsWith("https://")) {
            throw new ConfigException.BadValue(key, "must start with http:// or https://, was " + e);
        }
        return e;
    }

    /** S3 bucket naming rules (3–63 lower-case letters, digits, dots and hyphens). */
    private static String bucket(String b) {
        if (!b.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new ConfigException.BadValue(STORAGE_PATH + ".bucket", "must be 3-63 lower-case letters, digits, '.' or '-', was " + b);
        }
        return b;
    }
}
