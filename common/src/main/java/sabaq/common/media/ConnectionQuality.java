package sabaq.common.media;

/**
 * How well one participant's connection works, as the SFU measures it.
 *
 * @param score            1 (unusable) to 5 (excellent)
 * @param lossPercent      the worse of upstream (what we receive from them) and downstream (what they lose of ours)
 * @param rttMillis        round-trip time, or -1 when not measured yet
 * @param jitterMillis     interarrival jitter of what they send or receive, whichever is worse
 * @param availableKbps    the bandwidth estimate toward them, or -1 when they receive nothing
 * @param receivingVideo   false when they are in audio-only (chosen or forced by a weak line)
 */
public record ConnectionQuality(int score, double lossPercent, int rttMillis, int jitterMillis, long availableKbps,
                                boolean receivingVideo) {
}
