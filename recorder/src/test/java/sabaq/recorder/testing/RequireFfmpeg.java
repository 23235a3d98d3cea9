package sabaq.recorder.testing;

import sabaq.recorder.ffmpeg.FfmpegTools;

/**
 * The FFmpeg executables for tests. A missing FFmpeg fails the test (never a silent skip): {@code ./sabaq test}
 * installs Debian's ffmpeg.
 */
public final class RequireFfmpeg {
    private static FfmpegTools tools;

    private RequireFfmpeg() {
    }

    public static synchronized FfmpegTools tools() {
        if (tools == null) {
            try {
                tools = FfmpegTools.locate("", "");
            } catch (IllegalStateException e) {
                throw new AssertionError("recorder tests need ffmpeg and ffprobe: " + e.getMessage()
                        + " (./sabaq test installs them)", e);
            }
        }
        return tools;
    }
}
