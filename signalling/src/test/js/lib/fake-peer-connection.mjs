// A small stand-in for RTCPeerConnection that follows the Unified Plan rules MediaSession relies on: mids are assigned
// by setLocalDescription, rolled back with the offer, and currentDirection follows the answer. Offers and answers are
// JSON lists of m-sections ({mid, kind, direction}) instead of SDP.

let nextTrackId = 0;

export class FakeTrack {
  constructor(kind) {
    this.kind = kind;
    this.id = `track-${++nextTrackId}`;
    this.enabled = true;
    this.readyState = 'live';
  }

  stop() {
    this.readyState = 'ended';
  }
}

class FakeTransceiver {
  constructor(kind, track, init) {
    this.kind = kind;
    this.mid = null;
    this.direction = init.direction ?? 'sendrecv';
    this.currentDirection = null;
    this.sendEncodings = init.sendEncodings ?? [];
    this.streams = init.streams ?? [];
    this.sender = {
      track,
      replaceTrack: async (next) => {
        this.sender.track = next;
      },
    };
    this.receiver = { track: new FakeTrack(kind), getStats: async () => new Map() };
    this.midFromPendingOffer = false;
  }
}

const ANSWERED = { sendonly: 'recvonly', recvonly: 'sendonly', inactive: 'inactive', sendrecv: 'sendrecv' };

export class FakePeerConnection {
  static instances = [];

  constructor(configuration) {
    this.configuration = configuration;
    this.transceivers = [];
    this.signalingState = 'stable';
    this.connectionState = 'new';
    this.localDescription = null;
    this.nextMid = 0;
    this.ontrack = null;
    this.onconnectionstatechange = null;
    this.closed = false;
    this.trackEvents = 0;
    FakePeerConnection.instances.push(this);
  }

  addTransceiver(trackOrKind, init = {}) {
    if (this.closed) throw new Error('InvalidStateError: closed');
    const kind = typeof trackOrKind === 'string' ? trackOrKind : trackOrKind.kind;
    const transceiver = new FakeTransceiver(kind, typeof trackOrKind === 'string' ? null : trackOrKind, init);
    this.transceivers.push(transceiver);
    return transceiver;
  }

  getTransceivers() {
    return [...this.transceivers];
  }

  async createOffer() {
    if (this.closed) throw new Error('InvalidStateError: closed');
    return { type: 'offer', sdp: 'pending' };
  }

  async setLocalDescription(description) {
    if (description.type === 'rollback') {
      for (const transceiver of this.transceivers) {
        if (transceiver.midFromPendingOffer) transceiver.mid = null;
        transceiver.midFromPendingOffer = false;
      }
      this.signalingState = 'stable';
      this.localDescription = null;
      return;
    }
    if (this.signalingState !== 'stable') throw new Error(`InvalidStateError: ${this.signalingState}`);
    for (const transceiver of this.transceivers) {
      if (transceiver.mid === null) {
        transceiver.mid = String(this.nextMid++);
        transceiver.midFromPendingOffer = true;
      }
    }
    this.offered = new Map(this.transceivers.map((t) => [t.mid, t.direction]));
    const sections = this.transceivers.map((t) => ({ mid: t.mid, kind: t.kind, direction: t.direction, rids: t.sendEncodings.map((e) => e.rid).filter(Boolean) }));
    this.localDescription = { type: 'offer', sdp: JSON.stringify(sections) };
    this.signalingState = 'have-local-offer';
  }

  async setRemoteDescription(description) {
    if (this.signalingState !== 'have-local-offer') throw new Error(`InvalidStateError: ${this.signalingState}`);
    const answered = new Map(JSON.parse(description.sdp).map((section) => [section.mid, section.direction]));
    for (const transceiver of this.transceivers) {
      if (!this.offered.has(transceiver.mid)) continue;
      const before = transceiver.currentDirection;
      transceiver.currentDirection = ANSWERED[answered.get(transceiver.mid) ?? 'inactive'];
      transceiver.midFromPendingOffer = false;
      if (transceiver.currentDirection === 'recvonly' && before !== 'recvonly') {
        this.trackEvents++;
        this.ontrack?.({ transceiver, track: transceiver.receiver.track });
      }
    }
    this.signalingState = 'stable';
  }

  setConnectionState(state) {
    this.connectionState = state;
    this.onconnectionstatechange?.();
  }

  close() {
    this.closed = true;
    this.signalingState = 'closed';
  }
}

/**
 * A signalling stand-in answering offers like the SFU (protocol section 2.3): publish mids recvonly, subscribe mids
 * sendonly, every other mid inactive. hold() keeps the next answers back until release().
 */
export class FakeSignalling {
  constructor() {
    this.state = 'open';
    this.offers = [];
    this.sent = [];
    this.failNext = null;
    this.gate = null;
  }

  hold() {
    let release;
    this.gate = new Promise((resolve) => {
      release = resolve;
    });
    this.release = () => {
      this.gate = null;
      release();
    };
  }

  async request(message) {
    this.offers.push(message);
    if (this.gate) await this.gate;
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = null;
      throw error;
    }
    const publish = new Set(message.publish.map((entry) => entry.mid));
    const subscribe = new Set(message.subscribe.map((entry) => entry.mid));
    const sections = JSON.parse(message.sdp).map((section) => ({
      mid: section.mid,
      direction: publish.has(section.mid) ? 'recvonly' : subscribe.has(section.mid) ? 'sendonly' : 'inactive',
    }));
    return { type: 'answer', sdp: JSON.stringify(sections) };
  }

  async send(message) {
    this.sent.push(message);
    return null;
  }
}
