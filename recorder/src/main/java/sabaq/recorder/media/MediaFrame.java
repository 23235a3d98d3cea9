package sabaq.recorder.media;

/**
 * One complete coded frame rebuilt from RTP: a VP8 frame (RFC 7741) or an Opus packet (RFC 7587).
 *
 * @param timestamp extended RTP timestamp (90 kHz for VP8, 48 kHz for Opus)
 * @param keyframe  a VP8 key frame (always true for audio)
 * @param width     VP8 key frame width in pixels, or 0
 * @param height    VP8 key frame height in pixels, or 0
 * @param samples   Opus: 48 kHz samples this packet decodes to; 0 for video
 */
public record MediaFrame(long timestamp, boolean keyframe, byte[] data, int width, int height, int samples) {
}
