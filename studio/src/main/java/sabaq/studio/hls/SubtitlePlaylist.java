package sabaq.studio.hls;

import java.util.Locale;

/**
 * The media playlist of a WebVTT subtitle rendition: the whole subtitle file as one segment as long as the lesson
 * (RFC 8216 section 3.5 allows any segmentation; players load it once).
 */
public final class SubtitlePlaylist {
    private SubtitlePlaylist() {
    }

    public static String write(String vttUri, double durationSeconds) {
        long target = (long) Math.ceil(durationSeconds);
        return "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:" + Math.max(1, target) + "\n#EXT-X-MEDIA-SEQUENCE:0\n"
                + "#EXT-X-PLAYLIST-TYPE:VOD\n#EXTINF:" + String.format(Locale.ROOT, "%.3f", durationSeconds) + ",\n"
                + vttUri + "\n#EXT-X-ENDLIST\n";
    }
}
