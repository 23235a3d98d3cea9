/**
 * SDP for the SFU (RFC 8866, JSEP RFC 8829): {@link sabaq.media.sdp.SdpParser} reads a browser's offer into
 * {@link sabaq.media.sdp.SessionDescription}; {@link sabaq.media.sdp.SdpAnswerBuilder} answers it for our ICE-lite,
 * DTLS-server, single-bundle transport with one {@link sabaq.media.sdp.MediaAnswer} per mid, and returns the answer
 * text with a {@link sabaq.media.sdp.NegotiatedMedia} per accepted m-line for the forwarding core. The browser always
 * offers and the SFU always answers (docs/protocol.md section 2.3). Only the JDK is used.
 */
package sabaq.media.sdp;
