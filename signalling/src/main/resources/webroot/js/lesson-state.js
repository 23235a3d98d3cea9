// The lesson state as plain data (window.sabaq.state) and the pure updates applied to it from server messages.

export function createLessonState() {
  return {
    lessonId: null,
    title: '',
    teacherName: '',
    participantId: null,
    clientId: null,
    role: null,
    joined: false,
    participants: [],
    tracks: [],
    chat: [],
    connection: 'connecting',
    connectionDetail: { websocket: 'idle', peer: null, media: null },
    floor: false,
    handRaised: false,
    muted: false,
    activeSpeaker: null,
    audioOnly: false,
    videoPaused: false,
    quality: {},
    ownQuality: null,
    weakLinks: {},
    local: { camera: false, microphone: false, screen: false },
    lessonEnded: false,
    recording: false,
    removed: false,
    left: false,
    mediaError: null,
    fatalError: null,
    lastError: null,
  };
}

/** Adds a Participant or merges its new fields into the existing entry (participant-joined / -updated). */
export function upsertParticipant(participants, participant) {
  if (!participant?.id) return;
  const index = participants.findIndex((p) => p.id === participant.id);
  if (index >= 0) participants[index] = { ...participants[index], ...participant };
  else participants.push(participant);
}

export function removeParticipant(participants, participantId) {
  const index = participants.findIndex((p) => p.id === participantId);
  if (index >= 0) participants.splice(index, 1);
}

/** Adds chat messages not seen before (by id), keeping the log in time order (history after a rejoin overlaps). */
export function mergeChat(chat, messages) {
  const known = new Set(chat.map((m) => m.id));
  for (const m of messages) {
    if (!m || m.id === undefined || known.has(m.id)) continue;
    known.add(m.id);
    chat.push({ id: m.id, participantId: m.participantId, name: m.name, role: m.role, text: m.text, ts: m.ts });
  }
  chat.sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0));
}

/** The clientId this tab got for a lesson (sent again on every later join, protocol section 2.2). */
export function readClientId(lessonId) {
  try {
    return lessonId ? sessionStorage.getItem(`sabaq.client.${lessonId}`) : null;
  } catch {
    return null;
  }
}

export function storeClientId(lessonId, clientId) {
  try {
    if (lessonId) sessionStorage.setItem(`sabaq.client.${lessonId}`, clientId);
  } catch {
    // Without storage a reload joins as a new browser session.
  }
}
