package sabaq.media.sdp;

import java.util.List;

import java.util.Objects;

/**
 * Our side of the single bundled transport, written into every accepted m-section of the answer: ICE-lite
 * credentials (RFC 8839 section 5.4: ufrag 4–256, password 22–256 ice-chars), the SHA-256 fingerprint of our DTLS
 * certificate (RFC 8122, hex pairs with colons), the UDP host candidate and optionally an ICE-TCP passive host
 * candidate (RFC 6544), and the o= line's session id and version (RFC 3264 section 5: increase the version with each
 * new answer in a session).
 *
 * @param tcpPassive null when the SFU does not listen for ICE-TCP
 */
public record LocalTransport(String iceUfrag, String icePwd, String fingerprintSha256, List<HostCandidate> udpCandidates,
                             List<HostCandidate> tcpCandidates, long sessionId, long sessionVersion) {
    private static final int SHA256_FINGERPRINT_CHARS = 32 * 3 - 1;

    /**
     * @param udpCandidates at least one; the first is preferred (highest priority) and written in the c= line
     * @param tcpCandidates ICE-TCP passive candidates (RFC 6544), possibly none
     */
    public LocalTransport {
        if (!SdpSyntax.isIceString(iceUfrag, 4)) {
            throw new IllegalArgumentException("ice ufrag must be 4 to 256 ice-chars");
        }
        if (!SdpSyntax.isIceString(icePwd, 22)) {
            throw new IllegalArgumentException("ice pwd must be 22 to 256 ice-chars");
        }
        if (!SdpSyntax.isHexPairs(fingerprintSha256) || fingerprintSha256.length() != SHA256_FINGERPRINT_CHARS) {
            throw new IllegalArgumentException("fingerprint must be 32 hex pairs separated by colons");
        }
        udpCandidates = List.copyOf(udpCandidates);
        tcpCandidates = List.copyOf(tcpCandidates);
        if (udpCandidates.isEmpty()) throw new IllegalArgumentException("at least one UDP candidate is needed");
        if (udpCandidates.size() > 16 || tcpCandidates.size() > 16) throw new IllegalArgumentException("too many candidates");
        if (sessionId < 0 || sessionVersion < 0) {
            throw new IllegalArgumentException("session id and version must not be negative");
        }
    }

    /** One UDP candidate and optionally one ICE-TCP passive candidate. */
    public LocalTransport(String iceUfrag, String icePwd, String fingerprintSha256, HostCandidate udp,
                          HostCandidate tcpPassive, long sessionId, long sessionVersion) {
        this(iceUfrag, icePwd, fingerprintSha256, List.of(Objects.requireNonNull(udp, "udp")),
                tcpPassive == null ? List.of() : List.of(tcpPassive), sessionId, sessionVersion);
    }

    /** A transport without ICE-TCP. */
    public static LocalTransport udpOnly(String iceUfrag, String icePwd, String fingerprintSha256, HostCandidate udp,
                                         long sessionId, long sessionVersion) {
        return new LocalTransport(iceUfrag, icePwd, fingerprintSha256, udp, null, sessionId, sessionVersion);
    }

    /** The preferred UDP candidate. */
    public HostCandidate udp() {
        return udpCandidates.get(0);
    }

    /** The first ICE-TCP candidate, or null. */
    public HostCandidate tcpPassive() {
        return tcpCandidates.isEmpty() ? null : tcpCandidates.get(0);
    }
}
