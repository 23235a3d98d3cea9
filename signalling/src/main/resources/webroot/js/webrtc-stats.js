// Readers of RTCStatsReport entries (W3C webrtc-stats): the selected ICE candidate pair of the transport, and one
// summary row per received track. Pure functions over any Map-like report (tested from Node).

/**
 * The candidate pair the transport uses: the transport's selectedCandidatePairId (Chromium, Safari), else a pair
 * marked selected (Firefox), else a nominated succeeded pair. With its local-candidate and remote-candidate entries.
 * @param report an RTCStatsReport (or a Map of id -> stats)
 * @returns {{state, localProtocol, remoteProtocol, localCandidateType, remoteAddress, remotePort, currentRoundTripTime}|null}
 */
export function selectedCandidatePair(report) {
  const entries = [...report.values()];
  const pairs = entries.filter((stat) => stat.type === 'candidate-pair');
  const transport = entries.find((stat) => stat.type === 'transport' && stat.selectedCandidatePairId);
  const pair =
    (transport && report.get(transport.selectedCandidatePairId)) ??
    pairs.find((stat) => stat.selected === true) ??
    pairs.find((stat) => stat.nominated === true && stat.state === 'succeeded') ??
    null;
  if (!pair) return null;
  const local = report.get(pair.localCandidateId) ?? null;
  const remote = report.get(pair.remoteCandidateId) ?? null;
  return {
    state: pair.state ?? null,
    localProtocol: local?.protocol ?? null,
    remoteProtocol: remote?.protocol ?? null,
    localCandidateType: local?.candidateType ?? null,
    remoteAddress: remote?.address ?? remote?.ip ?? null,
    remotePort: remote?.port ?? null,
    currentRoundTripTime: pair.currentRoundTripTime ?? null,
  };
}

/**
 * Adds the inbound-rtp entries of one kind to a row (several entries when the SFU changed the SSRC): counters are
 * summed, jitter (seconds) is the largest, and the video frame size is the one of the entry with most decoded frames.
 * @param kind 'audio' | 'video'
 * @param row {trackId, participantId, source, mid}; gets packetsReceived, bytesReceived, packetsLost, jitter and
 *   framesDecoded, frameWidth, frameHeight (video) or concealedSamples, totalSamplesReceived (audio)
 * @param report the receiver's RTCStatsReport
 */
export function inboundRow(kind, row, report) {
  Object.assign(row, { packetsReceived: 0, bytesReceived: 0, packetsLost: 0, jitter: 0 });
  if (kind === 'video') Object.assign(row, { framesDecoded: 0, frameWidth: 0, frameHeight: 0 });
  else Object.assign(row, { concealedSamples: 0, totalSamplesReceived: 0 });
  let mostFrames = -1;
  for (const stat of report.values()) {
    if (stat.type !== 'inbound-rtp' || (stat.kind ?? stat.mediaType) !== kind) continue;
    row.packetsReceived += stat.packetsReceived ?? 0;
    row.bytesReceived += stat.bytesReceived ?? 0;
    row.packetsLost += stat.packetsLost ?? 0;
    row.jitter = Math.max(row.jitter, stat.jitter ?? 0);
    if (kind === 'video') {
      row.framesDecoded += stat.framesDecoded ?? 0;
      if ((stat.framesDecoded ?? 0) > mostFrames) {
        mostFrames = stat.framesDecoded ?? 0;
        row.frameWidth = stat.frameWidth ?? 0;
        row.frameHeight = stat.frameHeight ?? 0;
      }
    } else {
      row.concealedSamples += stat.concealedSamples ?? 0;
      row.totalSamplesReceived += stat.totalSamplesReceived ?? 0;
    }
  }
  return row;
}
