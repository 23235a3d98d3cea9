// One RTCPeerConnection per joined session and its negotiation with the SFU (docs/protocol.md section 2.3):
// the browser always offers, one offer at a time; publish/subscribe lists name the mids; vanished remote tracks
// leave their transceiver inactive for reuse; remote tracks are mapped to participants through mid -> trackId.
import { inboundRow, selectedCandidatePair } from './webrtc-stats.js';

/** Camera simulcast: rids q, h, f at 1/4, 1/2 and full resolution (shared/notes/webrtc-stack.md section 4). */
export const CAMERA_ENCODINGS = Object.freeze([
  Object.freeze({ rid: 'q', scaleResolutionDownBy: 4, maxBitrate: 150_000 }),
  Object.freeze({ rid: 'h', scaleResolutionDownBy: 2, maxBitrate: 500_000 }),
  Object.freeze({ rid: 'f', scaleResolutionDownBy: 1, maxBitrate: 1_500_000 }),
]);

/** Screen share: one encoding; detail matters more than motion. */
export const SCREEN_ENCODINGS = Object.freeze([Object.freeze({ maxBitrate: 1_200_000 })]);

const KIND_OF_SOURCE = Object.freeze({ camera: 'video', microphone: 'audio', screen: 'video' });
const RECEIVING = new Set(['recvonly', 'sendrecv']);

export class MediaSession {
  #signalling;
  #onChange;
  #onError;
  #pc = null;
  #selfId = null;
  /** source -> {track, stream}: what this participant wants to publish (track may be null: camera off). */
  #local = new Map();
  /** source -> send transceiver, kept for reuse when the source is published again. */
  #senders = new Map();
  /** trackId -> Track (protocol section 2.2): the remote tracks this participant wants to receive. */
  #remote = new Map();
  /** trackId -> receive transceiver. */
  #subscriptions = new Map();
  /** Receive transceivers that carry no track now; reused once the SFU has answered them inactive. */
  #spare = new Set();
  /** mid -> trackId of the last offer the server answered. */
  #midToTrackId = new Map();
  #negotiatedSignature = null;
  #lastOffer = null;
  #dirty = false;
  #running = null;

  /**
   * @param signalling a SignallingClient (request/send)
   * @param callbacks onChange(reason) after tracks, answers and connection changes; onError(error, context)
   */
  constructor(signalling, { onChange = () => {}, onError = () => {} } = {}) {
    this.#signalling = signalling;
    this.#onChange = onChange;
    this.#onError = onError;
  }

  get pc() {
    return this.#pc;
  }

  /** The publish/subscribe lists of the last answered offer (for diagnostics and tests). */
  get lastOffer() {
    return this.#lastOffer;
  }

  /** Starts a fresh peer connection for participant selfId; local sources stay wanted, remote ones are forgotten. */
  start(selfId) {
    this.#closePeer();
    this.#selfId = selfId;
    const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
    pc.ontrack = () => this.#onChange('track');
    pc.onconnectionstatechange = () => this.#onChange('connection');
    this.#pc = pc;
    if (this.#local.size > 0) this.negotiate();
  }

  /** Closes the peer connection for good (lesson ended, removed, left). */
  close() {
    this.#closePeer();
    this.#local.clear();
    this.#selfId = null;
  }

  /** Publishes (or replaces the track of) a local source; null track keeps the source published without media. */
  publish(source, track, stream = null) {
    this.#local.set(source, { track, stream });
    return this.negotiate();
  }

  /** Stops publishing a source: tells the server (unpublish) and renegotiates without it. */
  unpublish(source) {
    if (!this.#local.has(source)) return Promise.resolve();
    this.#local.delete(source);
    this.#signalling.send({ type: 'unpublish', source }).catch((error) => this.#onError(error, 'unpublish'));
    return this.negotiate();
  }

  /** Replaces the track of a published source without renegotiation (camera off/on). */
  async replaceTrack(source, track) {
    const wanted = this.#local.get(source);
    if (!wanted) return;
    wanted.track = track;
    const transceiver = this.#senders.get(source);
    if (transceiver && transceiver.sender.track !== track) await transceiver.sender.replaceTrack(track);
  }

  /** Drops a source without telling the server, which already forgot it (a fresh join). */
  forget(source) {
    return this.#local.delete(source) ? this.negotiate() : Promise.resolve();
  }

  isPublishing(source) {
    return this.#local.has(source);
  }

  localTrack(source) {
    return this.#local.get(source)?.track ?? null;
  }

  /** Takes the lesson's full track list; own tracks are never subscribed. Renegotiates when the set changed. */
  setRemoteTracks(tracks) {
    this.#remote = new Map(
      tracks
        .filter((track) => track.participantId !== this.#selfId && KIND_OF_SOURCE[track.source] !== undefined)
        .map((track) => [track.trackId, track]),
    );
    return this.negotiate();
  }

  /** The received MediaStreamTrack for a remote trackId once the SFU answered its mid, else null. */
  remoteTrack(trackId) {
    const transceiver = this.#subscriptions.get(trackId);
    if (!transceiver || !RECEIVING.has(transceiver.currentDirection)) return null;
    if (this.#midToTrackId.get(transceiver.mid) !== trackId) return null;
    return transceiver.receiver.track;
  }

  /** Current subscriptions: [{trackId, participantId, source, kind, mid, direction, currentDirection}]. */
  subscriptions() {
    return [...this.#subscriptions].map(([trackId, transceiver]) => {
      const track = this.#remote.get(trackId);
      return {
        trackId,
        participantId: track?.participantId ?? null,
        source: track?.source ?? null,
        kind: transceiver.receiver.track.kind,
        mid: transceiver.mid,
        direction: transceiver.direction,
        currentDirection: transceiver.currentDirection,
      };
    });
  }

  /**
   * Asks for a negotiation round. Rounds run one at a time; changes made while an offer is in flight are folded into
   * the next round. Resolves when no change is left.
   */
  negotiate() {
    this.#dirty = true;
    if (!this.#running) {
      this.#running = (async () => {
        await Promise.resolve();
        try {
          while (this.#dirty && this.#pc) {
            this.#dirty = false;
            const pc = this.#pc;
            try {
              await this.#negotiateOnce(pc);
            } catch (error) {
              if (pc === this.#pc) this.#onError(error, 'negotiation');
            }
          }
        } finally {
          this.#running = null;
        }
      })();
    }
    return this.#running;
  }

  /**
   * ICE restart (RFC 8445 section 9) on the same peer connection: the next offer carries new ICE credentials, the
   * DTLS session and every track stay. Used when the network path was lost for a while.
   */
  restartIce() {
    const pc = this.#pc;
    if (!pc) return Promise.resolve();
    pc.restartIce();
    this.#negotiatedSignature = null;
    return this.negotiate();
  }

  /** inbound-rtp statistics of each received track of a kind, read through its transceiver's receiver. */
  async inboundStats(kind) {
    const rows = [];
    for (const [trackId, transceiver] of this.#subscriptions) {
      if (transceiver.receiver.track.kind !== kind) continue;
      const track = this.#remote.get(trackId);
      const row = { trackId, participantId: track?.participantId ?? null, source: track?.source ?? null, mid: transceiver.mid };
      rows.push(inboundRow(kind, row, await transceiver.receiver.getStats()));
    }
    return rows;
  }

  /** The ICE candidate pair in use (see webrtc-stats.js), or null without a peer connection or a selected pair. */
  async selectedCandidatePair() {
    const pc = this.#pc;
    return pc ? selectedCandidatePair(await pc.getStats()) : null;
  }

  async #negotiateOnce(pc) {
    await this.#applyWantedSenders(pc);
    this.#applyWantedReceivers(pc);
    const signature = JSON.stringify([[...this.#local.keys()].sort(), [...this.#remote.keys()].sort()]);
    if (signature === this.#negotiatedSignature && pc.signalingState === 'stable') return;
    if (pc.getTransceivers().length === 0) {
      this.#negotiatedSignature = signature;
      return;
    }
    await pc.setLocalDescription(await pc.createOffer());
    const publish = [];
    for (const [source, transceiver] of this.#senders) {
      if (this.#local.has(source) && transceiver.mid !== null) publish.push({ mid: transceiver.mid, source });
    }
    const subscribe = [];
    for (const [trackId, transceiver] of this.#subscriptions) {
      if (transceiver.mid !== null) subscribe.push({ mid: transceiver.mid, trackId });
    }
    let answer;
    try {
      answer = await this.#signalling.request({ type: 'offer', sdp: pc.localDescription.sdp, publish, subscribe });
    } catch (error) {
      if (pc.signalingState === 'have-local-offer') await pc.setLocalDescription({ type: 'rollback' }).catch(() => {});
      throw error;
    }
    if (pc !== this.#pc) return;
    this.#midToTrackId = new Map(subscribe.map((entry) => [entry.mid, entry.trackId]));
    await pc.setRemoteDescription({ type: 'answer', sdp: answer.sdp });
    this.#negotiatedSignature = signature;
    this.#lastOffer = { publish, subscribe };
    this.#onChange('negotiated');
  }

  async #applyWantedSenders(pc) {
    for (const [source, wanted] of this.#local) {
      const transceiver = this.#senders.get(source);
      if (!transceiver) {
        this.#senders.set(source, addSender(pc, source, wanted));
        continue;
      }
      if (transceiver.sender.track !== wanted.track) await transceiver.sender.replaceTrack(wanted.track);
      if (transceiver.direction !== 'sendonly') transceiver.direction = 'sendonly';
    }
    for (const [source, transceiver] of this.#senders) {
      if (this.#local.has(source)) continue;
      if (transceiver.sender.track) await transceiver.sender.replaceTrack(null);
      if (transceiver.direction !== 'inactive') transceiver.direction = 'inactive';
    }
  }

  #applyWantedReceivers(pc) {
    for (const [trackId, transceiver] of this.#subscriptions) {
      if (this.#remote.has(trackId)) continue;
      if (transceiver.direction !== 'inactive') transceiver.direction = 'inactive';
      this.#subscriptions.delete(trackId);
      this.#spare.add(transceiver);
    }
    for (const [trackId, track] of this.#remote) {
      if (this.#subscriptions.has(trackId)) continue;
      let transceiver = [...this.#spare].find(
        (spare) => spare.receiver.track.kind === track.kind && spare.currentDirection === 'inactive',
      );
      if (transceiver) {
        this.#spare.delete(transceiver);
        transceiver.direction = 'recvonly';
      } else {
        transceiver = pc.addTransceiver(track.kind, { direction: 'recvonly' });
      }
      this.#subscriptions.set(trackId, transceiver);
    }
  }

  #closePeer() {
    if (this.#pc) {
      this.#pc.ontrack = null;
      this.#pc.onconnectionstatechange = null;
      this.#pc.close();
    }
    this.#pc = null;
    this.#senders.clear();
    this.#remote.clear();
    this.#subscriptions.clear();
    this.#spare.clear();
    this.#midToTrackId.clear();
    this.#negotiatedSignature = null;
    this.#lastOffer = null;
  }
}

function addSender(pc, source, { track, stream }) {
  const init = { direction: 'sendonly', streams: stream ? [stream] : [] };
  if (source === 'camera') init.sendEncodings = CAMERA_ENCODINGS.map((encoding) => ({ ...encoding }));
  if (source === 'screen') init.sendEncodings = SCREEN_ENCODINGS.map((encoding) => ({ ...encoding }));
  try {
    return pc.addTransceiver(track ?? KIND_OF_SOURCE[source], init);
  } catch (error) {
    if (!init.sendEncodings) throw error;
    // A browser without simulcast support for this track: publish a single encoding rather than nothing.
    delete init.sendEncodings;
    return pc.addTransceiver(track ?? KIND_OF_SOURCE[source], init);
  }
}
