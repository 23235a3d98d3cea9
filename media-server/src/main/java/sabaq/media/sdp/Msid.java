package sabaq.media.sdp;

import java.util.Objects;

/**
 * {@code a=msid:<stream id> [<track id>]} (RFC 8830 section 2): the MediaStream a track belongs to and, in the form
 * browsers still send, the sender's track id. Chrome writes {@code -} as stream id for a track without a stream.
 * {@code trackId} is empty when the line has only a stream id.
 */
public record Msid(String streamId, String trackId) {
    public Msid {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(trackId, "trackId");
    }

    static Msid parse(String value, int line) throws SdpException {
        String[] f = SdpSyntax.fields(value);
        if (f.length < 1 || f.length > 2 || !SdpSyntax.isToken(f[0]) || (f.length == 2 && !SdpSyntax.isToken(f[1]))) {
            throw new SdpException(line, "msid must be '<stream id> [<track id>]' made of token characters");
        }
        return new Msid(f[0], f.length == 2 ? f[1] : "");
    }
}
