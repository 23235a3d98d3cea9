package sabaq.studio.media;

import com.github.kokorin.jaffree.JaffreeException;
import com.github.kokorin.jaffree.LogLevel;
import com.github.kokorin.jaffree.StreamType;
import com.github.kokorin.jaffree.ffprobe.FFprobeResult;
import com.github.kokorin.jaffree.ffprobe.Stream;
import sabaq.recorder.ffmpeg.FfmpegTools;
import sabaq.studio.encoding.EncodingProfile;
import sabaq.studio.error.OperationException;
import sabaq.studio.error.StudioError;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a media file before any work is spent on it: ffprobe must read it ({@link StudioError#MEDIA_UNREADABLE}),
 * its codecs must be accepted ({@link StudioError#UNSUPPORTED_CODEC}), and a full demux with {@code -xerror} (no
 * decoding, seconds for an hour of video) must find no damaged or missing packets
 * ({@link StudioError#MEDIA_TRUNCATED}: an interrupted upload, a partial copy). The demux arguments come from the
 * {@code inspect} encoding profile.
 */
public final class MediaProbe {
    private final FfmpegTools tools;
    private final EncodingProfile inspect;
    private final Set<String> videoCodecs;
    private final Set<String> audioCodecs;

    public MediaProbe(FfmpegTools tools, EncodingProfile inspect, Set<String> videoCodecs, Set<String> audioCodecs) {
        this.tools = tools;
        this.inspect = inspect;
        this.videoCodecs = Set.copyOf(videoCodecs);
        this.audioCodecs = Set.copyOf(audioCodecs);
    }

    /** ffprobe only: streams and duration. */
    public MediaInfo probe(Path file, String asset) throws OperationException {
        FFprobeResult r;
        try {
            r = tools.ffprobe().setInput(file).setShowStreams(true).setShowFormat(true).setLogLevel(LogLevel.ERROR).execute();
        } catch (JaffreeException e) {
            throw new OperationException(StudioError.MEDIA_UNREADABLE, Map.of("asset", asset), file + ": " + e.getMessage(), e);
        }
        MediaInfo.Video video = null;
        MediaInfo.Audio audio = null;
        List<Stream> streams = r.getStreams() == null ? List.of() : r.getStreams();
        for (Stream s : streams) {
            if (s.getCodecType() == StreamType.VIDEO && video == null && !isPicture(s)) {
                double fps = s.getAvgFrameRate() == null ? 0 : s.getAvgFrameRate().doubleValue();
                video = new MediaInfo.Video(String.valueOf(s.getCodecName()), orZero(s.getWidth()), orZero(s.getHeight()),
                        Double.isFinite(fps) ? fps : 0);
            } else if (s.getCodecType() == StreamType.AUDIO && audio == null) {
                audio = new MediaInfo.Audio(String.valueOf(s.getCodecName()), orZero(s.getChannels()), orZero(s.getSampleRate()));
            }
        }
        Float d = r.getFormat() == null ? null : r.getFormat().getDuration();
        if ((video == null && audio == null) || d == null || !(d > 0)) {
            throw new OperationException(StudioError.MEDIA_UNREADABLE, Map.of("asset", asset), file + ": no media streams or no duration");
        }
        return new MediaInfo(d, video, audio);
    }

    /** Probe, codec check and demux check. */
    public MediaInfo inspect(Path file, String asset, Cancellation cancel) throws OperationException {
        MediaInfo info = probe(file, asset);
        if (info.hasVideo() && !videoCodecs.contains(info.video().codec())) {
            throw new OperationException(StudioError.UNSUPPORTED_CODEC, Map.of("asset", asset, "codec", info.video().codec()),
                    file + ": video codec " + info.video().codec());
        }
        if (info.hasAudio() && !audioCodecs.contains(info.audio().codec())) {
            throw new OperationException(StudioError.UNSUPPORTED_CODEC, Map.of("asset", asset, "codec", info.audio().codec()),
                    file + ": audio codec " + info.audio().codec());
        }
        FfmpegCommand demux = new FfmpegCommand(tools, "inspect " + asset);
        demux.input(file.toString(), inspect.arguments("demux-input", inspect.defaults()));
        demux.output("-", inspect.arguments("demux-output", inspect.defaults()));
        try {
            demux.run(0, f -> { }, cancel);
        } catch (OperationException e) {
            if (e.code() != StudioError.PROCESSING_FAILED) throw e;
            throw new OperationException(StudioError.MEDIA_TRUNCATED, Map.of("asset", asset), e.getMessage(), e);
        }
        return info;
    }

    private static boolean isPicture(Stream s) {
        // Cover art in audio files is a one-frame "video" stream.
        String codec = String.valueOf(s.getCodecName());
        return s.getAvgFrameRate() != null && s.getAvgFrameRate().doubleValue() == 0
                && (codec.equals("mjpeg") || codec.equals("png"));
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }
}
