// A minimal RFC 6455 WebSocket (text frames, ping/pong, close; no extensions) on Node's built-ins, used by the fake
// server (server side) and by the Chromium DevTools driver (client side, masked frames).
import { createHash, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { request } from 'node:http';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export class WebSocketConnection extends EventEmitter {
  #socket;
  #masking;
  #buffer = Buffer.alloc(0);
  #fragments = [];
  #closed = false;

  constructor(socket, { masking }) {
    super();
    this.#socket = socket;
    this.#masking = masking;
    socket.setNoDelay(true);
    socket.on('data', (chunk) => this.#read(chunk));
    socket.on('close', () => this.#finish());
    socket.on('error', () => this.#finish());
  }

  get open() {
    return !this.#closed;
  }

  send(text) {
    if (!this.#closed) this.#socket.write(encodeFrame(0x1, Buffer.from(text, 'utf8'), this.#masking));
  }

  close(code = 1000) {
    if (this.#closed) return;
    const payload = Buffer.alloc(2);
    payload.writeUInt16BE(code);
    this.#socket.write(encodeFrame(0x8, payload, this.#masking));
    this.#socket.end();
    this.#finish();
  }

  /** Drops the TCP connection without a close frame. */
  destroy() {
    this.#socket.destroy();
    this.#finish();
  }

  #finish() {
    if (this.#closed) return;
    this.#closed = true;
    this.emit('close');
  }

  #read(chunk) {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const frame = decodeFrame(this.#buffer);
      if (!frame) return;
      this.#buffer = this.#buffer.subarray(frame.length);
      this.#handle(frame);
    }
  }

  #handle({ fin, opcode, payload }) {
    if (opcode === 0x8) {
      this.close();
    } else if (opcode === 0x9) {
      this.#socket.write(encodeFrame(0xa, payload, this.#masking));
    } else if (opcode === 0x1 || opcode === 0x0) {
      this.#fragments.push(payload);
      if (fin) {
        const text = Buffer.concat(this.#fragments).toString('utf8');
        this.#fragments = [];
        this.emit('message', text);
      }
    }
  }
}

/** Completes the server side of an HTTP upgrade request. */
export function acceptWebSocket(req, socket) {
  const key = req.headers['sec-websocket-key'];
  const accept = createHash('sha1').update(key + GUID).digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  return new WebSocketConnection(socket, { masking: false });
}

/** Opens a client connection to a ws:// URL. */
export function connectWebSocket(url) {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({
      host: target.hostname,
      port: target.port,
      path: target.pathname + target.search,
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': randomBytes(16).toString('base64') },
    });
    req.on('upgrade', (res, socket) => resolve(new WebSocketConnection(socket, { masking: true })));
    req.on('response', (res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    req.on('error', reject);
    req.end();
  });
}

function decodeFrame(buffer) {
  if (buffer.length < 2) return null;
  let length = buffer[1] & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return null;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return null;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  const masked = (buffer[1] & 0x80) !== 0;
  const maskOffset = offset;
  if (masked) offset += 4;
  if (buffer.length < offset + length) return null;
  const payload = Buffer.from(buffer.subarray(offset, offset + length));
  if (masked) for (let i = 0; i < payload.length; i++) payload[i] ^= buffer[maskOffset + (i & 3)];
  return { fin: (buffer[0] & 0x80) !== 0, opcode: buffer[0] & 0x0f, payload, length: offset + length };
}

function encodeFrame(opcode, payload, masking) {
  const lengthBytes = payload.length < 126 ? 0 : payload.length < 65536 ? 2 : 8;
  const header = Buffer.alloc(2 + lengthBytes + (masking ? 4 : 0));
  header[0] = 0x80 | opcode;
  const marker = lengthBytes === 0 ? payload.length : lengthBytes === 2 ? 126 : 127;
  header[1] = (masking ? 0x80 : 0) | marker;
  if (lengthBytes === 2) header.writeUInt16BE(payload.length, 2);
  if (lengthBytes === 8) header.writeBigUInt64BE(BigInt(payload.length), 2);
  if (!masking) return Buffer.concat([header, payload]);
  const mask = randomBytes(4);
  mask.copy(header, 2 + lengthBytes);
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i++) body[i] ^= mask[i & 3];
  return Buffer.concat([header, body]);
}
