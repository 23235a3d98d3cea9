/**
 * DTLS-SRTP key agreement for the SFU (RFC 5763, RFC 5764) on Bouncy Castle's DTLS 1.2.
 *
 * <p>Typical wiring for one browser peer, after ICE-lite has validated its address:
 * <pre>{@code
 * DtlsCertificate cert = DtlsCertificate.generate();            // once per server; SDP: cert.fingerprintSha256()
 * DtlsFingerprint expected = DtlsFingerprint.parse(offerFingerprintValue).orElseThrow();
 * DtlsServerSession dtls = new DtlsServerSession(cert, expected,
 *         (b, off, len) -> channel.writeAndFlush(new DatagramPacket(Unpooled.copiedBuffer(b, off, len), remote)),
 *         handshakeExecutor, DtlsConfig.defaults(), listener);   // listener: SrtpTransformer.forServer(keys)
 * dtls.start();
 * // event loop, first byte 20..63 (RFC 7983):  dtls.onPacket(bytes, off, len);
 * }</pre>
 * Each session runs one blocking task on the executor for the handshake and
 * {@link sabaq.media.dtls.DtlsConfig#postHandshakeLinger()} after it; size the executor for the concurrent handshakes
 * expected. Data channels (application data over DTLS) are not supported.
 */
package sabaq.media.dtls;
