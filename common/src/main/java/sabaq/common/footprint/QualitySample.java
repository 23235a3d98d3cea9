package sabaq.common.footprint;

/**
 * One connection-quality sample (what {@code sabaq.common.media.ConnectionQuality} measures).
 *
 * @param score       1 (unusable) to 5 (excellent)
 * @param lossPercent 0 to 100
 * @param rttMs       round-trip time, or -1 when not measured yet
 * @param jitterMs    interarrival jitter (RFC 3550 section 6.4.1) in ms, or -1 when not measured
 */
public record QualitySample(int score, double lossPercent, int rttMs, int jitterMs) {
}
