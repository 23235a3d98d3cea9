package sabaq.signalling.recording;

import sabaq.common.time.TimeSource;
import sabaq.signalling.token.Base64Url;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Short-lived capabilities for the recording proxy, carried in the URL path so that the relative URLs of HLS
 * playlists keep them: {@code <expiry seconds>.<d|w>.<base64url HMAC-SHA256(lessonId/recordingId/expiry/mode)>}.
 * {@code d} also allows downloading the original. The key is derived from the join-token secret (SHA-256 of a
 * label and the secret), so the two never share a key. Thread safe.
 */
public final class PlaybackTokens {
    private final SecretKeySpec key;
    private final TimeSource time;

    public PlaybackTokens(byte[] secret, TimeSource time) {
        this.time = Objects.requireNonNull(time, "time");
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update("sabaq recording playback".getBytes(StandardCharsets.US_ASCII));
            this.key = new SecretKeySpec(md.digest(secret), "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token for one recording, valid for {@code ttlSeconds}. */
    public String issue(String lessonId, String recordingId, boolean download, long ttlSeconds) {
        long exp = Math.floorDiv(time.epochMillis(), 1000L) + ttlSeconds;
        String mode = download ? "d" : "w";
        return exp + "." + mode + "." + Base64Url.encode(sign(lessonId, recordingId, exp, mode));
    }

    /** The mode ({@code d} or {@code w}) of a valid token for this recording, or null. Never throws. */
    public String verify(String token, String lessonId, String recordingId) {
        if (token == null || token.length() > 128) return null;
        String[] parts = token.split("\\.");
        if (parts.length != 3 || !(parts[1].equals("d") || parts[1].equals("w"))) return null;
        long exp;
        try {
            exp = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return null;
        }
        if (Math.floorDiv(time.epochMillis(), 1000L) >= exp) return null;
        byte[] given = Base64Url.decode(parts[2]);
        if (given == null || !MessageDigest.isEqual(given, sign(lessonId, recordingId, exp, parts[1]))) return null;
        return parts[1];
    }

    private byte[] sign(String lessonId, String recordingId, long exp, String mode) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((lessonId + "/" + recordingId + "/" + exp + "/" + mode).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
