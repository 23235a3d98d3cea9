package sabaq.recorder.post;

import com.github.kokorin.jaffree.LogLevel;
import com.github.kokorin.jaffree.ffmpeg.FFmpeg;
import com.github.kokorin.jaffree.ffmpeg.UrlInput;
import com.github.kokorin.jaffree.ffmpeg.UrlOutput;
import sabaq.common.media.TrackKind;
import sabaq.recorder.ffmpeg.FfmpegTools;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;

/**
 * Runs the composite and the HLS ladder in one FFmpeg process (Jaffree): one input per track (its concat list,
 * shifted to its start with {@code -itsoffset}), the {@link CompositeGraph}, and the HLS muxer with three variant
 * streams sharing one audio group: 720p H.264 (~1.5 Mbit/s), 360p (~400 kbit/s) and audio only (AAC mono,
 * 48–64 kbit/s), plus {@code master.m3u8}. Also makes the poster and the original (all tracks copied into one
 * Matroska file, no re-encoding).
 */
public final class HlsLadder {
    public static final List<String> RENDITIONS = List.of("720p", "360p", "audio");

    private final FfmpegTools tools;
    private final LadderSettings settings;

    public HlsLadder(FfmpegTools tools, LadderSettings settings) {
        this.tools = tools;
        this.settings = settings;
    }

    /**
     * Writes {@code out/master.m3u8} and {@code out/<rendition>/index.m3u8} with their segments.
     *
     * @param lists    one concat list per timeline, same order
     * @param progress fraction 0..1 of the lesson transcoded so far
     */
    public void transcode(List<TrackTimeline> timelines, List<Path> lists, double durationSeconds, Path out,
                          DoubleConsumer progress) {
        FFmpeg ff = tools.ffmpeg().setLogLevel(LogLevel.ERROR).setOverwriteOutput(true).setContextName("ladder");
        addInputs(ff, timelines, lists, true);
        long durationMillis = Math.round(durationSeconds * 1000);
        ff.setComplexFilter(CompositeGraph.build(timelines, durationSeconds))
                .setProgressListener(p -> {
                    Long t = p.getTimeMillis();
                    if (t != null && durationMillis > 0) progress.accept(Math.min(1.0, t / (double) durationMillis));
                })
                .addOutput(UrlOutput.toUrl(out.resolve("%v").resolve("index.m3u8").toString())
                        .addArguments("-map", "[v720]").addArguments("-map", "[v360]").addArguments("-map", "[aout]")
                        .addArguments("-c:v", "libx264").addArguments("-preset", settings.x264Preset())
                        .addArguments("-profile:v", "main").addArguments("-pix_fmt", "yuv420p")
                        .addArguments("-g", "100").addArguments("-keyint_min", "100").addArguments("-sc_threshold", "0")
                        .addArguments("-b:v:0", kbps(settings.bitrate720()))
                        .addArguments("-maxrate:v:0", kbps(settings.bitrate720() * 11 / 10))
                        .addArguments("-bufsize:v:0", kbps(settings.bitrate720() * 2))
                        .addArguments("-b:v:1", kbps(settings.bitrate360()))
                        .addArguments("-maxrate:v:1", kbps(settings.bitrate360() * 11 / 10))
                        .addArguments("-bufsize:v:1", kbps(settings.bitrate360() * 2))
                        .addArguments("-c:a", "aac").addArguments("-b:a", kbps(settings.audioBitrate()))
                        .addArguments("-ac", "1").addArguments("-ar", "48000")
                        .setFormat("hls")
                        .addArguments("-hls_time", Integer.toString(settings.hlsSegmentSeconds()))
                        .addArguments("-hls_playlist_type", "vod")
                        .addArguments("-hls_flags", "independent_segments")
                        .addArguments("-hls_segment_filename", out.resolve("%v").resolve("seg_%03d.ts").toString())
                        .addArguments("-master_pl_name", "master.m3u8")
                        .addArguments("-var_stream_map", "v:0,agroup:aud,name:720p v:1,agroup:aud,name:360p a:0,agroup:aud,name:audio"))
                .execute();
    }

    /** A 640-pixel-wide JPEG from the 720p rendition, {@code atSeconds} in. */
    public void poster(Path hlsDir, double atSeconds, Path jpeg) {
        tools.ffmpeg().setLogLevel(LogLevel.ERROR).setOverwriteOutput(true).setContextName("poster")
                .addInput(UrlInput.fromUrl(hlsDir.resolve("720p").resolve("index.m3u8").toString())
                        .addArguments("-ss", String.format(Locale.ROOT, "%.3f", atSeconds)))
                .addOutput(UrlOutput.toPath(jpeg).addArguments("-frames:v", "1").addArguments("-vf", "scale=640:-2")
                        .addArguments("-q:v", "4"))
                .execute();
    }

    /** Every track copied, each at its place on the timeline, into one Matroska file. */
    public void original(List<TrackTimeline> timelines, List<Path> lists, Path mkv) {
        FFmpeg ff = tools.ffmpeg().setLogLevel(LogLevel.ERROR).setOverwriteOutput(true).setContextName("original");
        addInputs(ff, timelines, lists, false);
        UrlOutput out = UrlOutput.toPath(mkv).setFormat("matroska").copyAllCodecs();
        for (int i = 0; i < timelines.size(); i++) out.addMap(i);
        ff.addOutput(out).execute();
    }

    private static void addInputs(FFmpeg ff, List<TrackTimeline> timelines, List<Path> lists, boolean decoding) {
        for (int i = 0; i < timelines.size(); i++) {
            TrackTimeline t = timelines.get(i);
            UrlInput in = UrlInput.fromPath(lists.get(i)).setFormat("concat").addArguments("-safe", "0")
                    .addArguments("-itsoffset", String.format(Locale.ROOT, "%.3f", t.offsetSeconds()));
            if (decoding && t.track().kind() == TrackKind.VIDEO) in.addArguments("-reinit_filter", "0");
            ff.addInput(in);
        }
    }

    private static String kbps(long bps) {
        return (bps / 1000) + "k";
    }
}
