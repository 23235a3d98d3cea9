package sabaq.studio.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import sabaq.common.config.ConfigValues;
import sabaq.recorder.service.RecorderConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Settings of the studio ({@code sabaq.studio.*}, studio/src/main/resources/reference.conf), plus the object storage
 * and FFmpeg settings it shares with the recorder ({@code sabaq.storage.s3.*}, {@code sabaq.recorder.ffmpeg-bin}).
 * Validated when loaded: a bad value fails with a {@link ConfigException} naming the key.
 *
 * @param profileParameters per encoding-profile id, parameters that override the profile's defaults
 */
public record StudioConfig(boolean enabled, Path dataDir, String bucket, int workers, long maxUploadBytes,
                           long maxCourseBytes, Set<String> acceptedVideoCodecs,
                           Set<String> acceptedAudioCodecs, Duration mediaCache,
                           Map<String, Map<String, String>> profileParameters,
                           String ffmpegBin, String ffprobeBin, RecorderConfig.Storage storage) {

    public static final String PATH = "sabaq.studio";

    public StudioConfig {
        acceptedVideoCodecs = Set.copyOf(acceptedVideoCodecs);
        acceptedAudioCodecs = Set.copyOf(acceptedAudioCodecs);
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        profileParameters.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        profileParameters = Map.copyOf(copy);
    }

    public static StudioConfig from(Config config) {
        config = config.withFallback(ConfigFactory.defaultReference()).resolve();
        ConfigValues v = new ConfigValues(config, PATH);
        RecorderConfig recorder = RecorderConfig.from(config);
        return new StudioConfig(
                v.bool("enabled"),
                Path.of(v.nonBlank("data-dir")),
                bucket(v.nonBlank("bucket")),
                v.intIn("workers", 1, 16),
                bytesIn(config, PATH + ".max-upload-bytes", 1L << 20, 1L << 42),
                bytesIn(config, PATH + ".max-course-bytes", 16L << 10, 64L << 20),
                codecs(config, PATH + ".accepted-video-codecs"),
                codecs(config, PATH + ".accepted-audio-codecs"),
                v.durationIn("media-cache", Duration.ZERO, Duration.ofDays(365)),
                profileParameters(config.getConfig(PATH + ".profile-parameters")),
                recorder.ffmpegBin(),
                recorder.ffprobeBin(),
                recorder.storage());
    }

    public static StudioConfig defaults() {
        return from(ConfigFactory.empty());
    }

    /** This config with the data directory replaced (tests, the command line's --data). */
    public StudioConfig withDataDir(Path dir) {
        return new StudioConfig(enabled, dir, bucket, workers, maxUploadBytes, maxCourseBytes,
                acceptedVideoCodecs, acceptedAudioCodecs, mediaCache, profileParameters, ffmpegBin,
                ffprobeBin, storage);
    }

    /** The job journal directory. */
    public Path jobsDir() {
        return dataDir.resolve("jobs");
    }

    /** Working files of the jobs, one directory per job. */
    public Path workDir() {
        return dataDir.resolve("work");
    }

    /** Uploads being received, before they are checked and stored. */
    public Path incomingDir() {
        return dataDir.resolve("incoming");
    }

    private static long bytesIn(Config c, String key, long min, long max) {
        long b = c.getBytes(key);
        if (b < min || b > max) throw new ConfigException.BadValue(key, "must be in [" + min + ", " + max + "] bytes, was " + b);
        return b;
    }

    private static Set<String> codecs(Config c, String key) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : c.getStringList(key)) {
            if (!s.matches("[a-z0-9_]{1,32}")) throw new ConfigException.BadValue(key, "not an FFmpeg codec name: " + s);
            out.add(s);
        }
        if (out.isEmpty()) throw new ConfigException.BadValue(key, "must name at least one codec");
        return out;
    }

    private static Map<String, Map<String, String>> profileParameters(Config c) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigValue> e : c.root().entrySet()) {
            String profile = e.getKey();
            String key = PATH + ".profile-parameters." + profile;
            if (!(e.getValue().unwrapped() instanceof Map)) throw new ConfigException.BadValue(key, "must be an object of parameters");
            Map<String, String> params = new LinkedHashMap<>();
            for (Map.Entry<String, ConfigValue> p : c.getConfig(ConfigUtil.joinPath(profile)).root().entrySet()) {
                Object raw = p.getValue().unwrapped();
                if (raw instanceof Map || raw instanceof java.util.List || raw == null) {
                    throw new ConfigException.BadValue(key + "." + p.getKey(), "must be a plain value");
                }
                params.put(p.getKey(), String.valueOf(raw));
            }
            out.put(profile, params);
        }
        return out;
    }

    private static String bucket(String b) {
        if (!b.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new ConfigException.BadValue(PATH + ".bucket", "must be 3-63 lower-case letters, digits, '.' or '-', was " + b);
        }
        return b;
    }

    /** The settings that matter in logs (storage credentials are the recorder's to hide). */
    @Override
    public String toString() {
        return "StudioConfig[dataDir=" + dataDir + ", bucket=" + bucket + ", workers=" + workers + ", storage=" + storage + "]";
    }
}
