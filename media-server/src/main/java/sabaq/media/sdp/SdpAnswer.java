package sabaq.media.sdp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of answering an offer: the answer text (CRLF line endings), one {@link NegotiatedMedia} per accepted
 * m-section in m-line order, the browser's transport parameters, and warnings about decisions that could not be
 * applied as asked (such m-sections were answered inactive or rejected).
 */
public record SdpAnswer(String sdp, List<NegotiatedMedia> media, RemoteTransport remote, List<String> warnings) {
    public SdpAnswer {
        Objects.requireNonNull(sdp, "sdp");
        Objects.requireNonNull(remote, "remote");
        media = List.copyOf(media);
        warnings = List.copyOf(warnings);
    }

    /** The accepted m-section with this mid. */
    public Optional<NegotiatedMedia> media(String mid) {
        for (NegotiatedMedia m : media) {
            if (m.mid().equals(mid)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
