package sabaq.studio;

import sabaq.recorder.storage.StorageException;
import sabaq.studio.course.MediaRef;
import sabaq.studio.error.OperationException;
import sabaq.studio.error.StudioError;
import sabaq.studio.media.Cancellation;
import sabaq.studio.media.MediaInfo;
import sabaq.studio.operation.SubtitlesOperation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;

/**
 * Stores an uploaded file in the studio bucket after checking it, so a broken file is refused when it arrives, not
 * hours later in a job: video and audio must pass the inspect checks (readable, accepted codecs, not truncated),
 * subtitles must be UTF-8 with valid timing. A refused file is not stored and nothing stored before is touched.
 * Blocking: call from worker threads.
 */
public final class UploadService {
    /** What an upload is for. */
    public enum Kind {
        VIDEO, AUDIO, SUBTITLES;

        public static Kind parse(String s) {
            if (s == null) return null;
            switch (s) {
                case "video":
                    return VIDEO;
                case "audio":
                    return AUDIO;
                case "subtitles":
                    return SUBTITLES;
                default:
                    return null;
            }
        }
    }

    /** A stored upload: its reference for a lesson, its size and (for media) what ffprobe found. */
    public record Stored(MediaRef ref, long length, MediaInfo media) {
    }

    private final StudioServices services;
    private final SecureRandom random = new SecureRandom();

    public UploadService(StudioServices services) {
        this.services = services;
    }

    /**
     * Checks and stores a received file (the caller deletes {@code file} afterwards).
     *
     * @param name the file name the user gave (sanitized here)
     * @throws OperationException the check that refused it (MEDIA_*, UNSUPPORTED_CODEC, NO_VIDEO, SUBTITLE_*) or
     *                            STORAGE_FAILED
     */
    public Stored store(Path file, String name, Kind kind) throws OperationException {
        MediaInfo info = null;
        String safe = safeName(name);
        // Errors at upload name the file the user chose.
        String asset = safe;
        if (kind == Kind.SUBTITLES) {
            try {
                SubtitlesOperation.check(Files.readAllBytes(file), "kk/ru", 0);
            } catch (IOException e) {
                throw new OperationException(StudioError.INTERNAL, Map.of("detail", e.getMessage()), e.getMessage(), e);
            }
        } else {
            info = services.probe().inspect(file, asset, Cancellation.NEVER);
            if (kind == Kind.VIDEO && !info.hasVideo()) {
                throw new OperationException(StudioError.NO_VIDEO, Map.of("asset", asset), name + " has no video");
            }
            if (kind == Kind.AUDIO && !info.hasAudio()) {
                throw new OperationException(StudioError.MEDIA_UNREADABLE, Map.of("asset", asset), name + " has no audio");
            }
        }
        String key = "uploads/" + newId() + "/" + safe;
        try {
            long length = services.store().putVerified(key, file, sabaq.studio.store.StoreFiles.contentType(safe)).length();
            return new Stored(new MediaRef(MediaRef.UPLOAD, key, safe), length, info);
        } catch (StorageException e) {
            throw new OperationException(StudioError.STORAGE_FAILED, Map.of("detail", String.valueOf(e.getMessage())), e.getMessage(), e);
        }
    }

    /** A file name safe as the last part of an object key: letters, digits, '.', '-', '_' (others become '_'). */
    static String safeName(String name) {
        String n = name == null ? "" : name;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        StringBuilder out = new StringBuilder();
        n.codePoints().limit(120).forEach(c -> out.appendCodePoint(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' ? c : '_'));
        String s = out.toString().replaceAll("^\\.+", "");
        return s.isEmpty() ? "file" : s;
    }

    private String newId() {
        byte[] b = new byte[9];
        random.nextBytes(b);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
