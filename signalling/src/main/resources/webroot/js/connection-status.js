// The connection badge: one of connecting | connected | reconnecting | disconnected, derived from the signalling
// socket, the RTCPeerConnection and the SFU's media-connection view. Pure functions (tested from Node).

/**
 * @param input finished (ended/removed/left/failed), joined (socket open and joined), everJoined, joinFailed,
 *   hasTransceivers (any media negotiated or wanted), peer (RTCPeerConnection.connectionState), serverMedia (last
 *   media-connection state for this participant), peerEverConnected, mediaGaveUp
 */
export function overallConnection(input) {
  if (input.finished) return 'disconnected';
  if (!input.joined) {
    if (input.everJoined) return 'reconnecting';
    return input.joinFailed ? 'disconnected' : 'connecting';
  }
  if (!input.hasTransceivers) return 'connected';
  switch (input.peer) {
    case 'connected':
      return input.serverMedia === 'disconnected' || input.serverMedia === 'failed' ? 'reconnecting' : 'connected';
    case 'new':
    case 'connecting':
      return input.peerEverConnected ? 'reconnecting' : 'connecting';
    case 'disconnected':
      return 'reconnecting';
    default:
      return input.mediaGaveUp ? 'disconnected' : 'reconnecting';
  }
}

/** A participant's transport state from the server (new|connecting|connected|disconnected|failed|closed) for display. */
export function participantConnection(serverState) {
  switch (serverState) {
    case 'connecting':
      return 'connecting';
    case 'connected':
      return 'connected';
    case 'disconnected':
      return 'reconnecting';
    case 'failed':
    case 'closed':
      return 'disconnected';
    default:
      return 'idle';
  }
}
