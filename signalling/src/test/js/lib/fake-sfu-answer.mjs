// Builds an SDP answer the way the SFU does (protocol section 2.3; shared/notes/webrtc-stack.md section 3) so that
// Chromium accepts it: ICE-lite, setup:passive, BUNDLE, publish mids recvonly (simulcast recv q;h;f), subscribe mids
// sendonly with a=msid/a=ssrc naming the track, other mids inactive. No media flows. Without a candidate the
// browser's transport stays "new"; with a candidate port that never answers STUN, ICE fails after its timeouts.
// (Chromium ignores candidates on low ports such as 9.)
import { createHash } from 'node:crypto';

const FINGERPRINT = createHash('sha256').update('sabaq-fake-sfu').digest('hex').toUpperCase().match(/../g).join(':');

/**
 * @param offerSdp the browser's offer
 * @param publish [{mid, source}]
 * @param subscribe [{mid, trackId}]
 * @param describe (trackId) -> {streamId, ssrc}: the publisher's participant id and an SSRC that stays the same for this
 *   track in every answer (Chromium refuses an answer that moves an SSRC from one mid to another)
 * @param options candidatePort: a 127.0.0.1 UDP port to offer as the only candidate (null: no candidate)
 */
export function buildAnswer(offerSdp, publish, subscribe, describe, { candidatePort = null } = {}) {
  const { sections } = parseSdp(offerSdp);
  const publishMids = new Set(publish.map((entry) => entry.mid));
  const subscribeByMid = new Map(subscribe.map((entry) => [entry.mid, entry.trackId]));
  const bundled = sections.filter((section) => section.port !== '0').map((section) => section.mid);
  const lines = ['v=0', `o=- ${Date.now()} 2 IN IP4 127.0.0.1`, 's=-', 't=0 0', `a=group:BUNDLE ${bundled.join(' ')}`, 'a=ice-lite', 'a=msid-semantic: WMS *'];
  for (const section of sections) {
    const codec = chooseCodec(section);
    if (section.port === '0' || !codec) {
      lines.push(`m=${section.kind} 0 UDP/TLS/RTP/SAVPF ${section.payloads[0] ?? '0'}`, 'c=IN IP4 0.0.0.0', `a=mid:${section.mid}`, 'a=inactive');
      continue;
    }
    const direction = publishMids.has(section.mid) ? 'recvonly' : subscribeByMid.has(section.mid) ? 'sendonly' : 'inactive';
    lines.push(
      `m=${section.kind} 9 UDP/TLS/RTP/SAVPF ${codec.payloads.join(' ')}`,
      'c=IN IP4 127.0.0.1',
      'a=rtcp:9 IN IP4 0.0.0.0',
      'a=ice-ufrag:fakesfu1',
      'a=ice-pwd:fakesfupasswordfakesfupassword',
      `a=fingerprint:sha-256 ${FINGERPRINT}`,
      'a=setup:passive',
      `a=mid:${section.mid}`,
      ...section.extmaps,
      `a=${direction}`,
      'a=rtcp-mux',
      'a=rtcp-rsize',
      ...codec.lines,
    );
    if (direction === 'recvonly' && section.rids.length > 0) {
      lines.push(...section.rids.map((rid) => `a=rid:${rid} recv`), `a=simulcast:recv ${section.rids.join(';')}`);
    }
    if (direction === 'sendonly') {
      const trackId = subscribeByMid.get(section.mid);
      const { streamId, ssrc } = describe(trackId);
      lines.push(`a=msid:${streamId} ${trackId}`, `a=ssrc:${ssrc} cname:sabaq`, `a=ssrc:${ssrc} msid:${streamId} ${trackId}`);
    }
    if (candidatePort) lines.push(`a=candidate:1 1 udp 2130706431 127.0.0.1 ${candidatePort} typ host`, 'a=end-of-candidates');
  }
  return `${lines.join('\r\n')}\r\n`;
}

function parseSdp(sdp) {
  const sections = [];
  let current = null;
  for (const line of sdp.split(/\r?\n/)) {
    if (line.startsWith('m=')) {
      const [kind, port, , ...payloads] = line.slice(2).split(' ');
      current = { kind, port, payloads, mid: null, extmaps: [], rtpmaps: new Map(), fmtps: new Map(), feedback: [], rids: [] };
      sections.push(current);
    } else if (current) {
      if (line.startsWith('a=mid:')) current.mid = line.slice(6);
      else if (line.startsWith('a=extmap:')) current.extmaps.push(line);
      else if (line.startsWith('a=rtpmap:')) current.rtpmaps.set(line.slice(9).split(' ')[0], line);
      else if (line.startsWith('a=fmtp:')) current.fmtps.set(line.slice(7).split(' ')[0], line);
      else if (line.startsWith('a=rtcp-fb:')) current.feedback.push(line);
      else if (line.startsWith('a=rid:') && line.endsWith(' send')) current.rids.push(line.slice(6).split(' ')[0]);
    }
  }
  return { sections };
}

/** Opus for audio; VP8 plus its RTX for video. */
function chooseCodec(section) {
  const wanted = section.kind === 'audio' ? 'opus/48000/2' : 'VP8/90000';
  const pt = [...section.rtpmaps].find(([, line]) => line.split(' ')[1] === wanted)?.[0];
  if (!pt) return null;
  const payloads = [pt];
  const rtx = [...section.fmtps].find(([, line]) => line.endsWith(`apt=${pt}`))?.[0];
  if (rtx) payloads.push(rtx);
  const lines = [];
  for (const payload of payloads) {
    lines.push(section.rtpmaps.get(payload));
    if (section.fmtps.has(payload)) lines.push(section.fmtps.get(payload));
    lines.push(...section.feedback.filter((line) => line.startsWith(`a=rtcp-fb:${payload} `)));
  }
  return { payloads, lines };
}
