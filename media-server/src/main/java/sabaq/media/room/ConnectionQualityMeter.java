package sabaq.media.room;

import sabaq.common.media.ConnectionQuality;

/**
 * One peer's connection quality from what the SFU measures both ways: upstream loss and jitter of the streams it
 * publishes (our receive statistics), downstream loss, RTT and jitter reported by the browser for the streams it
 * receives (transport-cc and receiver reports), and the bandwidth estimate toward it. The 1–5 score follows the loss
 * and RTT thresholds where interactive audio and video visibly degrade.
 */
final class ConnectionQualityMeter {
    private final Peer peer;

    ConnectionQualityMeter(Peer peer) {
        this.peer = peer;
    }

    ConnectionQuality sample(long nowNanos) {
        double upLoss = 0;
        double upJitterMs = 0;
        for (Producer p : peer.producersByMid.values()) {
            for (int i = 0; i < p.layerCount(); i++) {
                IncomingStream s = p.layer(i);
                if (!s.isActive(nowNanos)) continue;
                upLoss = Math.max(upLoss, s.lastReportedFractionLost() / 256.0);
                upJitterMs = Math.max(upJitterMs, s.stats().jitter() * 1000.0 / Math.max(1, p.clockRate()));
            }
        }
        double downLoss = 0;
        double downJitterMs = 0;
        long rttMicros = -1;
        for (Consumer c : peer.consumersByMid.values()) {
            downLoss = Math.max(downLoss, c.fractionLost() / 256.0);
            downJitterMs = Math.max(downJitterMs, c.jitter() * 1000.0 / Math.max(1, c.producer().clockRate()));
            if (c.rttMicros() >= 0) rttMicros = Math.max(rttMicros, c.rttMicros());
        }
        downLoss = Math.max(downLoss, peer.bandwidth().lossFraction());
        double lossPercent = 100 * Math.max(upLoss, downLoss);
        int rttMs = rttMicros < 0 ? -1 : (int) (rttMicros / 1000);
        int jitterMs = (int) Math.round(Math.max(upJitterMs, downJitterMs));
        long estimate = peer.bandwidthEstimateBps();
        boolean video = !peer.bandwidth().receivesNoVideo();
        return new ConnectionQuality(score(lossPercent, rttMs, jitterMs, estimate, video, peer.bandwidth().audioOnly()),
                Math.round(lossPercent * 10) / 10.0, rttMs, jitterMs, estimate < 0 ? -1 : estimate / 1000, video);
    }

    static int score(double lossPercent, int rttMs, int jitterMs, long estimateBps, boolean video, boolean chosenAudioOnly) {
        int score = 5;
        if (lossPercent > 20) score = 1;
        else if (lossPercent > 10) score = 2;
        else if (lossPercent > 5) score = 3;
        else if (lossPercent > 2) score = 4;
        if (rttMs > 600) score -= 2;
        else if (rttMs > 300) score -= 1;
        if (jitterMs > 50) score -= 1;
        if (!video && !chosenAudioOnly) score = Math.min(score, 2);
        else if (estimateBps >= 0 && estimateBps < 250_000) score = Math.min(score, 3);
        return Math.max(1, Math.min(5, score));
    }
}
