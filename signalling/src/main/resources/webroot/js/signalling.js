// WebSocket client for the signalling protocol (docs/protocol.md section 2): JSON messages, requestId promises,
// keep-alive pings and dead-connection detection.

/** A protocol error reply (section 2.4) or a client-side failure (NETWORK, TIMEOUT). */
export class ProtocolError extends Error {
  constructor(code, message) {
    super(message || code);
    this.name = 'ProtocolError';
    this.code = code;
  }
}

/** Requests whose reply type is known; a reply of that type without requestId resolves the oldest such request. */
const REPLY_TYPES = Object.freeze({ join: 'joined', offer: 'answer', ping: 'pong', record: 'recording' });

export class SignallingClient {
  #url;
  #ws = null;
  #state = 'idle';
  #nextId = 0;
  #pending = new Map();
  #handlers = new Map();
  #keepAliveTimer = null;
  #lastMessageAt = 0;
  #closingByClient = false;
  #options;

  /**
   * @param {string} url ws:// or wss:// endpoint
   * @param {object} [options] requestTimeoutMs (reply wait), settleMs (how long send() listens for an error),
   *   keepAliveMs (ping period), deadAfterMs (silence after which the socket is considered dead)
   */
  constructor(url, options = {}) {
    this.#url = url;
    this.#options = { requestTimeoutMs: 15000, settleMs: 3000, keepAliveMs: 15000, deadAfterMs: 45000, ...options };
  }

  /** idle | connecting | open | closed */
  get state() {
    return this.#state;
  }

  /** Registers a handler for a server message type, or for 'state' / 'close' events. Returns an unsubscribe function. */
  on(type, handler) {
    if (!this.#handlers.has(type)) this.#handlers.set(type, new Set());
    this.#handlers.get(type).add(handler);
    return () => this.#handlers.get(type).delete(handler);
  }

  /** Opens a new socket (closing any previous one); resolves when open, rejects with NETWORK otherwise. */
  connect() {
    this.#dropSocket();
    this.#closingByClient = false;
    this.#setState('connecting');
    return new Promise((resolve, reject) => {
      let ws;
      try {
        ws = new WebSocket(this.#url);
      } catch (error) {
        this.#setState('closed');
        reject(new ProtocolError('NETWORK', error.message));
        return;
      }
      this.#ws = ws;
      let opened = false;
      ws.onopen = () => {
        opened = true;
        this.#lastMessageAt = Date.now();
        this.#setState('open');
        this.#startKeepAlive();
        resolve();
      };
      ws.onmessage = (event) => this.#receive(event.data);
      ws.onclose = (event) => {
        if (this.#ws !== ws) return;
        this.#handleClose(event.code, event.reason);
        if (!opened) reject(new ProtocolError('NETWORK', `closed ${event.code}`));
      };
    });
  }

  /** Sends a request and resolves with its reply (matched by requestId), or rejects with the error reply. */
  request(message, timeoutMs = this.#options.requestTimeoutMs) {
    return this.#transmit(message, REPLY_TYPES[message.type] ?? null, timeoutMs, true);
  }

  /**
   * Sends a message whose effect arrives as broadcasts. Resolves with a reply carrying the requestId if one comes
   * within settleMs, otherwise null; rejects with the error reply if the server refuses it.
   */
  send(message) {
    return this.#transmit(message, null, this.#options.settleMs, false);
  }

  /** Closes the socket on purpose (no reconnect is expected by the caller). */
  close() {
    this.#closingByClient = true;
    if (this.#ws) this.#handleClose(1000, 'client');
  }

  #transmit(message, replyType, timeoutMs, failOnTimeout) {
    if (this.#state !== 'open') return Promise.reject(new ProtocolError('NETWORK', 'not connected'));
    const requestId = `r${++this.#nextId}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(requestId);
        if (failOnTimeout) reject(new ProtocolError('TIMEOUT', `${message.type} got no reply`));
        else resolve(null);
      }, timeoutMs);
      this.#pending.set(requestId, { resolve, reject, timer, replyType });
      try {
        this.#ws.send(JSON.stringify({ ...message, requestId }));
      } catch (error) {
        clearTimeout(timer);
        this.#pending.delete(requestId);
        reject(new ProtocolError('NETWORK', error.message));
      }
    });
  }

  #receive(data) {
    this.#lastMessageAt = Date.now();
    let message;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    if (!message || typeof message !== 'object' || typeof message.type !== 'string') return;
    const entry = this.#takePending(message);
    if (entry) {
      clearTimeout(entry.timer);
      if (message.type === 'error') {
        entry.reject(new ProtocolError(message.code, message.message));
        return;
      }
      entry.resolve(message);
    }
    this.#emit(message.type, message);
  }

  #takePending(message) {
    const id = message.requestId;
    if (typeof id === 'string' && this.#pending.has(id)) {
      const entry = this.#pending.get(id);
      this.#pending.delete(id);
      return entry;
    }
    if (message.type === 'error' || id !== undefined) return null;
    for (const [pendingId, entry] of this.#pending) {
      if (entry.replyType === message.type) {
        this.#pending.delete(pendingId);
        return entry;
      }
    }
    return null;
  }

  #handleClose(code, reason) {
    this.#dropSocket();
    this.#setState('closed');
    const failure = new ProtocolError('NETWORK', `socket closed ${code}`);
    for (const entry of this.#pending.values()) {
      clearTimeout(entry.timer);
      entry.reject(failure);
    }
    this.#pending.clear();
    this.#emit('close', { code, reason, byClient: this.#closingByClient });
  }

  #dropSocket() {
    clearInterval(this.#keepAliveTimer);
    this.#keepAliveTimer = null;
    const ws = this.#ws;
    this.#ws = null;
    if (!ws) return;
    ws.onopen = ws.onmessage = ws.onclose = null;
    if (ws.readyState === WebSocket.CONNECTING || ws.readyState === WebSocket.OPEN) {
      try {
        ws.close(1000);
      } catch {
        // Nothing left to close.
      }
    }
  }

  #startKeepAlive() {
    this.#keepAliveTimer = setInterval(() => {
      if (Date.now() - this.#lastMessageAt > this.#options.deadAfterMs) {
        this.#handleClose(4000, 'silent');
        return;
      }
      try {
        this.#ws?.send(JSON.stringify({ type: 'ping' }));
      } catch {
        // The close event follows.
      }
    }, this.#options.keepAliveMs);
  }

  #setState(state) {
    if (this.#state === state) return;
    this.#state = state;
    this.#emit('state', state);
  }

  #emit(type, payload) {
    for (const handler of this.#handlers.get(type) ?? []) {
      try {
        handler(payload);
      } catch (error) {
        console.error(`handler for ${type} failed`, error);
      }
    }
  }
}
