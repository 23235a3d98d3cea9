package sabaq.recorder.post;

/**
 * The HLS ladder: x264 preset, bit rates (bits per second) and the segment length in seconds.
 */
public record LadderSettings(String x264Preset, long bitrate720, long bitrate360, long audioBitrate, int hlsSegmentSeconds) {
    public static LadderSettings defaults() {
        return new LadderSettings("veryfast", 1_500_000, 400_000, 64_000, 4);
    }
}
