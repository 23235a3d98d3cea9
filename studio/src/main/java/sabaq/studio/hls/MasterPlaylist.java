package sabaq.studio.hls;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes an HLS master playlist (RFC 8216 section 4.3.4): one audio group with the main sound (DEFAULT) and, when
 * there is one, the audio-description rendition (CHARACTERISTICS "public.accessibility.describes-video", not
 * selected automatically); one subtitles group with a WebVTT rendition per language; a variant per video rendition
 * referring to both groups; and the audio-only variant for the thinnest lines.
 */
public final class MasterPlaylist {
    /** A video variant. */
    public record Video(String uri, int width, int height, String codecs, PlaylistStats stats) {
    }

    /** An audio rendition. */
    public record Audio(String uri, String name, String language, boolean isDefault, boolean describesVideo,
                        PlaylistStats stats) {
    }

    /** A subtitle rendition. */
    public record Subtitles(String uri, String name, String language) {
    }

    private MasterPlaylist() {
    }

    public static String write(List<Video> videos, List<Audio> audios, List<Subtitles> subtitles, String audioCodecs) {
        StringBuilder m = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:4\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        long mainAudioPeak = 0;
        long mainAudioAvg = 0;
        for (Audio a : audios) {
            mainAudioPeak = Math.max(mainAudioPeak, a.stats().peakBps());
            mainAudioAvg = Math.max(mainAudioAvg, a.stats().averageBps());
            m.append("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",NAME=").append(quote(a.name()));
            if (a.language() != null) m.append(",LANGUAGE=").append(quote(a.language()));
            m.append(",DEFAULT=").append(a.isDefault() ? "YES" : "NO")
                    .append(",AUTOSELECT=").append(a.isDefault() ? "YES" : "NO");
            if (a.describesVideo()) m.append(",CHARACTERISTICS=\"public.accessibility.describes-video\"");
            m.append(",CHANNELS=\"2\",URI=").append(quote(a.uri())).append('\n');
        }
        for (Subtitles s : subtitles) {
            m.append("#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=").append(quote(s.name()))
                    .append(",LANGUAGE=").append(quote(s.language()))
                    .append(",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI=").append(quote(s.uri())).append('\n');
        }
        String groups = ",AUDIO=\"aud\"" + (subtitles.isEmpty() ? "" : ",SUBTITLES=\"subs\"");
        for (Video v : videos) {
            m.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(v.stats().peakBps() + mainAudioPeak)
                    .append(",AVERAGE-BANDWIDTH=").append(v.stats().averageBps() + mainAudioAvg)
                    .append(",RESOLUTION=").append(v.width()).append('x').append(v.height())
                    .append(",CODECS=").append(quote(v.codecs() + "," + audioCodecs))
                    .append(groups).append('\n').append(v.uri()).append('\n');
        }
        List<Audio> main = new ArrayList<>();
        for (Audio a : audios) if (a.isDefault()) main.add(a);
        for (Audio a : main) {
            m.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(a.stats().peakBps())
                    .append(",AVERAGE-BANDWIDTH=").append(a.stats().averageBps())
                    .append(",CODECS=").append(quote(audioCodecs))
                    .append(groups).append('\n').append(a.uri()).append('\n');
        }
        return m.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "'").replace("\n", " ") + "\"";
    }
}
