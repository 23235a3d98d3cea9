/**
 * SRTP/SRTCP protection (RFC 3711, RFC 7714) with jitsi-srtp, keyed by {@link sabaq.media.dtls.SrtpKeyMaterial}.
 * {@link sabaq.media.srtp.SrtpTransformer} is the only public type; one instance per peer, confined to that peer's
 * event loop.
 */
package sabaq.media.srtp;
