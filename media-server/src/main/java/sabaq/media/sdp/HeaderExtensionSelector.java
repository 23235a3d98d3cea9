package sabaq.media.sdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses the header extensions (RFC 8285) to answer for an m-section: the supported set for its kind, each with the
 * offer's id, in offer order. An offered extension with a direction is answered with the reverse direction (RFC 8285
 * section 6); an {@code inactive} one is left out, as is a second id for the same URI.
 */
final class HeaderExtensionSelector {
    private static final List<String> AUDIO = List.of(HeaderExtensionUris.AUDIO_LEVEL, HeaderExtensionUris.MID,
            HeaderExtensionUris.TRANSPORT_CC, HeaderExtensionUris.ABS_SEND_TIME);
    private static final List<String> VIDEO = List.of(HeaderExtensionUris.MID, HeaderExtensionUris.RTP_STREAM_ID,
            HeaderExtensionUris.REPAIRED_RTP_STREAM_ID, HeaderExtensionUris.TRANSPORT_CC, HeaderExtensionUris.ABS_SEND_TIME);

    /** The answered mappings and the ids the SFU core uses. */
    record Selection(List<ExtMap> answered, ExtensionIds ids) {
        Selection {
            answered = List.copyOf(answered);
        }

        int id(String uri) {
            for (ExtMap e : answered) {
                if (e.uri().equals(uri)) {
                    return e.id();
                }
            }
            return -1;
        }
    }

    private HeaderExtensionSelector() {
    }

    static Selection select(MediaDescription m, AnswerOptions options) {
        List<String> supported = m.kind() == MediaKind.AUDIO ? AUDIO : VIDEO;
        List<ExtMap> answered = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ExtMap offered : m.extMaps()) {
            String uri = offered.uri();
            if (!supported.contains(uri) || offered.direction() == Direction.INACTIVE || !seen.add(uri)) {
                continue;
            }
            if ((uri.equals(HeaderExtensionUris.TRANSPORT_CC) && !options.transportCc())
                    || (uri.equals(HeaderExtensionUris.ABS_SEND_TIME) && !options.absSendTime())) {
                continue;
            }
            Direction dir = offered.direction() == null || offered.direction() == Direction.SENDRECV
                    ? null : offered.direction().reversed();
            answered.add(new ExtMap(offered.id(), uri, dir));
        }
        Selection partial = new Selection(answered, ExtensionIds.NONE);
        ExtensionIds ids = new ExtensionIds(partial.id(HeaderExtensionUris.MID), partial.id(HeaderExtensionUris.RTP_STREAM_ID),
                partial.id(HeaderExtensionUris.REPAIRED_RTP_STREAM_ID), partial.id(HeaderExtensionUris.AUDIO_LEVEL),
                partial.id(HeaderExtensionUris.TRANSPORT_CC), partial.id(HeaderExtensionUris.ABS_SEND_TIME));
        return new Selection(answered, ids);
    }
}
