/**
 * Congestion control toward subscribers, in the spirit of Google Congestion Control
 * (draft-ietf-rmcat-gcc-02): every packet we send carries a transport-wide sequence number; the browser's
 * transport-cc feedback tells when each arrived; a delay-based estimator (packet groups, trendline filter, adaptive
 * overuse threshold, AIMD) and a loss-based estimator produce a bandwidth estimate; paced probe clusters discover
 * headroom; a per-subscriber allocator turns the estimate into simulcast layer choices. All of it is plain logic
 * with injected time, driven by the media thread.
 */
package sabaq.media.cc;
