// A stand-in for the Sabaq signalling server (docs/protocol.md), for developing and testing the web client without
// the Java server or the SFU: serves the webroot, POST/GET /api/lessons, and /ws with lesson rules (roles, floor,
// mute, remove, end, receive-mode) and SDP answers built by lib/fake-sfu-answer.mjs (negotiation succeeds, no media
// flows). Tests send connection-quality reports with sendQuality().
// Run by hand: node signalling/src/test/js/fake-sabaq-server.mjs [port]   then open the printed URL (by hand it also
// sends made-up connection-quality reports every 2 s, weak ones for students whose name contains "weak").
import { createServer } from 'node:http';
import { createSocket } from 'node:dgram';
import { createHmac, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, normalize, extname } from 'node:path';
import { acceptWebSocket } from './lib/mini-websocket.mjs';
import { buildAnswer } from './lib/fake-sfu-answer.mjs';

const WEBROOT = join(dirname(fileURLToPath(import.meta.url)), '../../main/resources/webroot');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
const SECRET = 'fake-server-secret';
const TOKEN_LIFETIME_S = 6 * 3600;
const TEACHER_ONLY = new Set(['grant-floor', 'mute', 'remove', 'end-lesson']);

/**
 * Starts the fake server on host:port (0 = any free port). Resolves {url, close(), lessons, messages}.
 * failingMedia: answers name a UDP port that swallows STUN, so browsers see their connection fail (ICE timeout).
 */
export async function startFakeServer({ host = '127.0.0.1', port = 0, failingMedia = false } = {}) {
  const blackHole = failingMedia ? await bindBlackHole(host) : null;
  const lessons = new Map();
  const messages = [];
  let nextParticipant = 0;
  let nextChat = 0;
  const ssrcs = new Map();
  const describeTrack = (trackId) => {
    if (!ssrcs.has(trackId)) ssrcs.set(trackId, 10_000 + ssrcs.size);
    return { streamId: trackId.split(':')[0], ssrc: ssrcs.get(trackId) };
  };
  const server = createServer((req, res) => handleHttp(req, res).catch(() => sendJson(res, 500, apiError('INTERNAL', 'fake server fault'))));

  async function handleHttp(req, res) {
    const url = new URL(req.url, 'http://local');
    if (req.method === 'POST' && url.pathname === '/api/lessons') return createLesson(req, res);
    const lessonMatch = url.pathname.match(/^\/api\/lessons\/([\w-]+)$/);
    if (req.method === 'GET' && lessonMatch) {
      const lesson = lessons.get(lessonMatch[1]);
      if (!lesson) return sendJson(res, 404, apiError('LESSON_NOT_FOUND', 'unknown lesson'));
      return sendJson(res, 200, { lessonId: lesson.id, title: lesson.title, teacherName: lesson.teacherName, state: lesson.state, participants: lesson.participants.size });
    }
    if (req.method === 'GET' && url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (req.method !== 'GET') return sendJson(res, 404, apiError('BAD_REQUEST', 'no such endpoint'));
    const path = normalize(url.pathname === '/' ? '/index.html' : url.pathname);
    if (path.includes('..')) return sendJson(res, 404, apiError('BAD_REQUEST', 'bad path'));
    try {
      const body = await readFile(join(WEBROOT, path));
      res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
      res.end(body);
    } catch {
      sendJson(res, 404, apiError('BAD_REQUEST', 'not found'));
    }
  }

  async function createLesson(req, res) {
    let body;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return sendJson(res, 400, apiError('BAD_REQUEST', 'not JSON'));
    }
    const title = typeof body?.title === 'string' ? body.title.trim() : '';
    const teacherName = typeof body?.teacherName === 'string' ? body.teacherName.trim() : '';
    if (!title || title.length > 200 || !teacherName || teacherName.length > 100) return sendJson(res, 400, apiError('BAD_REQUEST', 'title or teacherName'));
    const id = randomUUID().slice(0, 8);
    lessons.set(id, { id, title, teacherName, state: 'live', participants: new Map(), tracks: [], chat: [], removedClients: new Set() });
    const base = `http://${req.headers.host}`;
    const tokens = Object.fromEntries(['teacher', 'student', 'observer'].map((role) => [role, signToken(id, role)]));
    const exp = Math.floor(Date.now() / 1000) + TOKEN_LIFETIME_S;
    sendJson(res, 201, {
      lessonId: id, title,
      teacherToken: tokens.teacher, teacherUrl: `${base}/lesson.html#token=${tokens.teacher}`,
      studentToken: tokens.student, studentUrl: `${base}/lesson.html#token=${tokens.student}`,
      observerToken: tokens.observer, observerUrl: `${base}/lesson.html#token=${tokens.observer}`,
      expiresAt: exp,
    });
  }

  server.on('upgrade', (req, socket) => {
    if (new URL(req.url, 'http://local').pathname !== '/ws') return socket.destroy();
    const ws = acceptWebSocket(req, socket);
    const session = { ws, participant: null, lesson: null };
    ws.on('message', (text) => {
      let message;
      try {
        message = JSON.parse(text);
      } catch {
        return send(session, { type: 'error', code: 'BAD_REQUEST', message: 'not JSON' });
      }
      messages.push({ from: session.participant?.id ?? null, message });
      handleMessage(session, message);
    });
    ws.on('close', () => {
      if (session.participant && session.lesson.participants.has(session.participant.id)) depart(session, 'disconnected');
    });
  });

  function handleMessage(session, m) {
    const reply = (payload) => send(session, { ...payload, ...(m.requestId ? { requestId: m.requestId } : {}) });
    const fail = (code, text) => reply({ type: 'error', code, message: text ?? code });
    if (m.type === 'ping') return reply({ type: 'pong' });
    if (m.type === 'join') return joinLesson(session, m, reply, fail);
    if (!session.participant) return fail('NOT_JOINED');
    const { lesson, participant: me } = session;
    if (lesson.state === 'ended') return fail('LESSON_ENDED');
    const target = lesson.participants.get(m.participantId)?.participant;
    if (TEACHER_ONLY.has(m.type) && me.role !== 'teacher') return fail('FORBIDDEN');
    switch (m.type) {
      case 'offer': {
        for (const entry of m.publish ?? []) {
          if (me.role === 'observer' || (me.role === 'student' && !me.hasFloor)) return fail('FORBIDDEN', `may not publish ${entry.source}`);
        }
        const mine = (m.publish ?? []).map(({ source }) => ({ trackId: `${me.id}:${source}`, participantId: me.id, kind: source === 'microphone' ? 'audio' : 'video', source }));
        const others = lesson.tracks.filter((t) => t.participantId !== me.id);
        const before = JSON.stringify(lesson.tracks.map((t) => t.trackId).sort());
        lesson.tracks = [...others, ...mine];
        const sdp = buildAnswer(m.sdp, m.publish ?? [], m.subscribe ?? [], describeTrack, { candidatePort: blackHole?.address().port ?? null });
        reply({ type: 'answer', sdp });
        if (JSON.stringify(lesson.tracks.map((t) => t.trackId).sort()) !== before) broadcast(lesson, { type: 'tracks', tracks: lesson.tracks });
        if (me.connection === 'new') {
          me.connection = 'connecting';
          broadcast(lesson, { type: 'media-connection', participantId: me.id, state: 'connecting' });
        }
        return;
      }
      case 'unpublish':
        removeTracks(lesson, (t) => t.participantId === me.id && t.source === m.source);
        return;
      case 'receive-mode':
        if (typeof m.audioOnly !== 'boolean') return fail('BAD_REQUEST', 'audioOnly must be a boolean');
        if (me.audioOnly === m.audioOnly) return;
        me.audioOnly = m.audioOnly;
        return broadcast(lesson, { type: 'participant-updated', participant: me });
      case 'media-state':
        me.camera = Boolean(m.camera);
        me.microphone = Boolean(m.microphone);
        return broadcast(lesson, { type: 'participant-updated', participant: me });
      case 'chat': {
        if (me.role === 'observer') return fail('FORBIDDEN');
        if (typeof m.text !== 'string' || m.text.length < 1 || m.text.length > 2000) return fail('BAD_REQUEST');
        const chat = { id: `c${++nextChat}`, participantId: me.id, name: me.name, role: me.role, text: m.text, ts: Date.now() };
        lesson.chat.push(chat);
        for (const other of lesson.participants.values()) send(other, { type: 'chat', ...chat, ...(other === session && m.requestId ? { requestId: m.requestId } : {}) });
        return;
      }
      case 'hand':
        if (me.role !== 'student') return fail('FORBIDDEN');
        me.handRaised = Boolean(m.raised);
        return broadcast(lesson, { type: 'participant-updated', participant: me });
      case 'grant-floor':
        if (!target) return fail('PARTICIPANT_NOT_FOUND');
        target.hasFloor = Boolean(m.granted);
        send(lesson.participants.get(target.id), { type: 'floor', granted: target.hasFloor });
        if (!target.hasFloor) removeTracks(lesson, (t) => t.participantId === target.id);
        broadcast(lesson, { type: 'participant-updated', participant: target });
        return broadcast(lesson, { type: 'active-speaker', participantId: target.hasFloor ? target.id : me.id });
      case 'mute':
        if (!target) return fail('PARTICIPANT_NOT_FOUND');
        target.muted = true;
        send(lesson.participants.get(target.id), { type: 'muted', by: me.id });
        return broadcast(lesson, { type: 'participant-updated', participant: target });
      case 'unmute':
        if (me.role !== 'student' || !me.hasFloor || !me.muted) return fail('FORBIDDEN');
        me.muted = false;
        return broadcast(lesson, { type: 'participant-updated', participant: me });
      case 'remove': {
        if (!target) return fail('PARTICIPANT_NOT_FOUND');
        const targetSession = lesson.participants.get(target.id);
        lesson.removedClients.add(target.clientId);
        send(targetSession, { type: 'removed' });
        depart(targetSession, 'removed');
        return targetSession.ws.close();
      }
      case 'end-lesson':
        lesson.state = 'ended';
        broadcast(lesson, { type: 'lesson-ended' });
        for (const other of [...lesson.participants.values()]) other.ws.close();
        lesson.participants.clear();
        return;
      case 'leave':
        depart(session, 'left');
        return session.ws.close();
      default:
        return fail('UNKNOWN_TYPE');
    }
  }

  function joinLesson(session, m, reply, fail) {
    if (session.participant) return fail('ALREADY_JOINED');
    const claims = verifyToken(m.token);
    if (!claims) return fail('TOKEN_INVALID');
    if (claims.exp < Date.now() / 1000) return fail('TOKEN_EXPIRED');
    const lesson = lessons.get(claims.lsn);
    if (!lesson) return fail('LESSON_NOT_FOUND');
    if (lesson.state === 'ended') return fail('LESSON_ENDED');
    if (m.clientId && lesson.removedClients.has(m.clientId)) return fail('REMOVED');
    const name = claims.role === 'teacher' ? lesson.teacherName : typeof m.name === 'string' ? m.name.trim() : '';
    if (!name || name.length > 100) return fail('BAD_REQUEST', 'name');
    const participant = {
      id: `p${++nextParticipant}`, name, role: claims.role, handRaised: false, hasFloor: false, muted: false,
      camera: false, microphone: false, connection: 'new', audioOnly: false, clientId: m.clientId ?? randomUUID(),
    };
    Object.defineProperty(participant, 'clientId', { enumerable: false });
    session.participant = participant;
    session.lesson = lesson;
    lesson.participants.set(participant.id, session);
    reply({
      type: 'joined', participantId: participant.id, clientId: participant.clientId, role: participant.role,
      lesson: { id: lesson.id, title: lesson.title, teacherName: lesson.teacherName, state: lesson.state },
      participants: [...lesson.participants.values()].map((s) => s.participant),
      tracks: lesson.tracks, chat: lesson.chat.slice(-50),
    });
    broadcast(lesson, { type: 'participant-joined', participant }, session);
  }

  function depart(session, reason) {
    const { lesson, participant } = session;
    if (!lesson.participants.delete(participant.id)) return;
    broadcast(lesson, { type: 'participant-left', participantId: participant.id, reason });
    removeTracks(lesson, (t) => t.participantId === participant.id);
  }

  function removeTracks(lesson, predicate) {
    const kept = lesson.tracks.filter((t) => !predicate(t));
    if (kept.length === lesson.tracks.length) return;
    lesson.tracks = kept;
    broadcast(lesson, { type: 'tracks', tracks: kept });
  }

  await new Promise((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  return {
    url: `http://${host}:${address.port}`,
    lessons,
    messages,
    /**
     * Sends a connection-quality report about a participant, as the server does: to the teachers and to the
     * participant it describes. Returns false when the participant is not in a lesson.
     */
    sendQuality(participantId, quality) {
      for (const lesson of lessons.values()) {
        const subject = lesson.participants.get(participantId);
        if (!subject) continue;
        const message = { type: 'connection-quality', participantId, quality };
        for (const session of lesson.participants.values()) {
          if (session === subject || session.participant.role === 'teacher') send(session, message);
        }
        return true;
      }
      return false;
    },
    /** Cuts a participant's WebSocket without a close handshake, as a network failure would. */
    dropConnection(participantId) {
      for (const lesson of lessons.values()) lesson.participants.get(participantId)?.ws.destroy();
    },
    close: () =>
      new Promise((resolve) => {
        for (const lesson of lessons.values()) for (const s of lesson.participants.values()) s.ws.close();
        blackHole?.close();
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

function bindBlackHole(host) {
  const socket = createSocket('udp4');
  return new Promise((resolve) => socket.bind(0, host, () => resolve(socket)));
}

function send(session, payload) {
  if (session?.ws.open) session.ws.send(JSON.stringify(payload));
}

function broadcast(lesson, payload, except = null) {
  for (const session of lesson.participants.values()) if (session !== except) send(session, payload);
}

function apiError(code, message) {
  return { error: { code, message } };
}

function sendJson(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

function signToken(lessonId, role) {
  const now = Math.floor(Date.now() / 1000);
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify({ lsn: lessonId, role, iat: now, exp: now + TOKEN_LIFETIME_S, jti: randomUUID() })).toString('base64url');
  const signature = createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

function verifyToken(token) {
  if (typeof token !== 'string') return null;
  const [header, payload, signature] = token.split('.');
  if (!signature || createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url') !== signature) return null;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

/** A made-up report for trying the pages by hand: weak for names containing "weak", else good with some noise. */
function madeUpQuality(participant) {
  const weak = /weak/i.test(participant.name);
  const noise = Math.random();
  return {
    score: weak ? 1 + Math.round(noise) : 4 + Math.round(noise),
    lossPercent: Math.round((weak ? 12 + noise * 10 : noise * 2) * 10) / 10,
    rttMs: Math.round(weak ? 400 + noise * 300 : 40 + noise * 40),
    jitterMs: Math.round(weak ? 40 + noise * 30 : 3 + noise * 8),
    availableKbps: weak ? Math.round(80 + noise * 60) : Math.round(1500 + noise * 800),
    receivingVideo: !participant.audioOnly && !weak,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startFakeServer({ port: Number(process.argv[2] ?? 8090) });
  setInterval(() => {
    for (const lesson of server.lessons.values()) {
      for (const session of lesson.participants.values()) server.sendQuality(session.participant.id, madeUpQuality(session.participant));
    }
  }, 2000);
  console.log(`fake Sabaq server on ${server.url}/`);
}
