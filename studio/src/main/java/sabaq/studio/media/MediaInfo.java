package sabaq.studio.media;

/**
 * What ffprobe says about a media file.
 *
 * @param video null when the file has no video stream
 * @param audio null when the file has no audio stream
 */
public record MediaInfo(double durationSeconds, Video video, Audio audio) {

    /** The first video stream. */
    public record Video(String codec, int width, int height, double fps) {
    }

    /** The first audio stream. */
    public record Audio(String codec, int channels, int sampleRate) {
    }

    public boolean hasVideo() {
        return video != null;
    }

    public boolean hasAudio() {
        return audio != null;
    }
}
