// Audio only, chosen by the user (protocol section 2.1, receive-mode): the choice, what the server has confirmed,
// when to send receive-mode (on a change, and again after every join because a rejoin is a new participant whose
// audioOnly starts false), and when to tell the user that the server paused video because the line is weak. Also
// the content of the audio-only panel and the per-lesson memory of the choice. Pure functions (tested from Node),
// except the two storage helpers.

/**
 * Quality samples to wait after a change of the choice before believing receivingVideo: the sample that arrives
 * first may have been measured before the server applied the change.
 */
export const SETTLE_SAMPLES = 2;

/**
 * @param chosen the remembered choice for this lesson
 * @returns the receive mode: chosen (the user's choice), connected (joined on the current socket), sent (the value
 *   the server has once it read our last receive-mode; null before a join), pending (receive-mode messages whose
 *   effect was not seen yet: each one flips the server's value, which then reaches us in a participant-updated),
 *   confirmed (the server's audioOnly for this participant as last reported; null before a join), receivingVideo
 *   (from the last own quality sample, null before one), samplesSinceChange
 */
export function initialReceiveMode(chosen = false) {
  return { chosen: Boolean(chosen), connected: false, sent: null, pending: 0, confirmed: null, receivingVideo: null, samplesSinceChange: 0 };
}

/**
 * The next receive mode after an event, and the message to send (or null).
 * Events: {type: 'choose', audioOnly} (the toggle), {type: 'joined', audioOnly} (joined; the server's value for the
 * new participant), {type: 'closed'} (socket lost or finished), {type: 'confirmed', audioOnly} (participant-updated
 * about oneself), {type: 'refused'} (the server refused receive-mode: back to what it has), {type: 'quality',
 * receivingVideo} (own connection-quality).
 */
export function receiveModeStep(mode, event) {
  switch (event.type) {
    case 'choose': {
      const chosen = Boolean(event.audioOnly);
      const send = mode.connected && chosen !== mode.sent;
      const next = {
        ...mode,
        chosen,
        sent: send ? chosen : mode.sent,
        pending: mode.pending + (send ? 1 : 0),
        samplesSinceChange: chosen === mode.chosen ? mode.samplesSinceChange : 0,
      };
      return { mode: next, send: send ? message(chosen) : null };
    }
    case 'joined': {
      const confirmed = Boolean(event.audioOnly);
      const send = mode.chosen !== confirmed;
      const next = { ...mode, connected: true, sent: mode.chosen, pending: send ? 1 : 0, confirmed, receivingVideo: null, samplesSinceChange: 0 };
      return { mode: next, send: send ? message(mode.chosen) : null };
    }
    case 'closed':
      return { mode: { ...mode, connected: false, sent: null, pending: 0, confirmed: null, receivingVideo: null }, send: null };
    case 'confirmed': {
      const confirmed = Boolean(event.audioOnly);
      const flipped = mode.confirmed !== null && confirmed !== mode.confirmed;
      return { mode: { ...mode, confirmed, pending: flipped ? Math.max(0, mode.pending - 1) : mode.pending }, send: null };
    }
    case 'refused': {
      if (!mode.connected) return { mode, send: null };
      const pending = Math.max(0, mode.pending - 1);
      if (pending > 0) return { mode: { ...mode, pending }, send: null };
      const chosen = mode.confirmed;
      const next = { ...mode, chosen, sent: chosen, pending, samplesSinceChange: chosen === mode.chosen ? mode.samplesSinceChange : 0 };
      return { mode: next, send: null };
    }
    case 'quality':
      return {
        mode: { ...mode, receivingVideo: event.receivingVideo !== false, samplesSinceChange: mode.samplesSinceChange + 1 },
        send: null,
      };
    default:
      return { mode, send: null };
  }
}

function message(audioOnly) {
  return { type: 'receive-mode', audioOnly };
}

/** True when the server confirmed the user's choice on the current connection and no other change is on its way. */
export function choiceConfirmed(mode) {
  return mode.connected && mode.pending === 0 && mode.confirmed === mode.chosen;
}

/**
 * The server paused video because the line is weak: the own quality says no video although the user did not choose
 * audio only, the last change of the choice has settled, and there is remote video that could be shown.
 */
export function videoPausedByServer(mode, hasRemoteVideo) {
  return hasRemoteVideo && !mode.chosen && mode.connected && mode.receivingVideo === false && mode.samplesSinceChange >= SETTLE_SAMPLES;
}

/**
 * What the audio-only panel says, from the lesson state: the teacher (name, or null when no teacher is in the
 * lesson), who speaks now (active-speaker: name and whether it is oneself, or null), and who shares a screen.
 */
export function audioOnlyPanel(state) {
  const byId = (id) => state.participants.find((p) => p.id === id) ?? null;
  const teacher = state.participants.find((p) => p.role === 'teacher') ?? null;
  const speaker = state.activeSpeaker ? byId(state.activeSpeaker) : null;
  const screen = state.tracks.find((track) => track.source === 'screen') ?? null;
  const sharer = screen ? byId(screen.participantId) : null;
  return {
    teacherName: teacher ? teacher.name ?? state.teacherName : null,
    speaker: speaker ? { name: speaker.name ?? '', self: speaker.id === state.participantId } : null,
    screen: screen
      ? { name: sharer?.name ?? '', self: screen.participantId === state.participantId, teacher: sharer?.role === 'teacher' }
      : null,
  };
}

const storageKey = (lessonId) => `sabaq.audioOnly.${lessonId}`;

/** The remembered choice for a lesson (localStorage: it survives closing the tab, as a weak line usually does). */
export function readAudioOnly(lessonId) {
  try {
    return Boolean(lessonId) && localStorage.getItem(storageKey(lessonId)) === 'true';
  } catch {
    return false;
  }
}

export function storeAudioOnly(lessonId, audioOnly) {
  try {
    if (!lessonId) return;
    if (audioOnly) localStorage.setItem(storageKey(lessonId), 'true');
    else localStorage.removeItem(storageKey(lessonId));
  } catch {
    // Without storage the choice lasts for this page only.
  }
}
