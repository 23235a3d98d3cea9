package sabaq.media.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks the SFU's codecs from an offered m-section: Opus (RFC 7587, {@code opus/48000/2}) for audio, optionally with
 * RED (RFC 2198) carrying Opus; VP8 (RFC 7741, {@code VP8/90000}) with its RTX (RFC 4588) for video. The offer's
 * payload type numbers are kept. Feedback is the intersection of what the offer lists for the codec and what
 * {@link AnswerOptions} enables.
 */
final class CodecSelector {
    static final String OPUS_FMTP = "minptime=10;useinbandfec=1";

    private CodecSelector() {
    }

    /** The choice for the section, or null when it offers no codec we support. */
    static CodecChoice choose(MediaDescription m, AnswerOptions options) {
        if (m.kind() == MediaKind.AUDIO) {
            return audio(m, options);
        }
        if (m.kind() == MediaKind.VIDEO) {
            return video(m, options);
        }
        return null;
    }

    /** The error text for a section without a supported codec. */
    static String missingCodec(MediaKind kind) {
        return kind == MediaKind.AUDIO ? "no supported audio codec (opus/48000/2) offered"
                : "no supported video codec (VP8) offered";
    }

    private static CodecChoice audio(MediaDescription m, AnswerOptions options) {
        RtpCodec opus = null;
        for (RtpCodec c : m.codecs()) {
            if (c.is("opus") && c.clockRate() == 48000 && c.channels() == 2) {
                opus = c;
                break;
            }
        }
        if (opus == null) {
            return null;
        }
        List<String> fb = new ArrayList<>();
        boolean tcc = options.transportCc() && opus.hasFeedback("transport-cc");
        if (tcc) {
            fb.add("transport-cc");
        }
        RtpCodec red = options.audioRed() ? redFor(m, opus.pt()) : null;
        return new CodecChoice(opus, OPUS_FMTP, fb, new FeedbackFlags(false, false, false, false, tcc), -1,
                red == null ? -1 : red.pt(), red == null ? null : opus.pt() + "/" + opus.pt());
    }

    /** An offered {@code red/48000/2} whose fmtp names only the Opus payload type, e.g. {@code 111/111}. */
    private static RtpCodec redFor(MediaDescription m, int opusPt) {
        for (RtpCodec c : m.codecs()) {
            if (c.is("red") && c.clockRate() == 48000 && c.fmtp().size() == 1) {
                String[] redundancy = c.fmtp().keySet().iterator().next().split("/", -1);
                boolean allOpus = true;
                for (String pt : redundancy) {
                    allOpus &= pt.equals(Integer.toString(opusPt));
                }
                if (allOpus) {
                    return c;
                }
            }
        }
        return null;
    }

    private static CodecChoice video(MediaDescription m, AnswerOptions options) {
        RtpCodec vp8 = m.findCodec("VP8", 90000).orElse(null);
        if (vp8 == null) {
            return null;
        }
        int rtx = -1;
        if (options.rtx()) {
            int candidate = m.rtxPayloadTypeFor(vp8.pt());
            if (candidate >= 0 && m.codec(candidate).map(c -> c.clockRate() == 90000).orElse(false)) {
                rtx = candidate;
            }
        }
        boolean remb = options.remb() && vp8.hasFeedback("goog-remb");
        boolean tcc = options.transportCc() && vp8.hasFeedback("transport-cc");
        boolean fir = options.fir() && vp8.hasFeedback("ccm fir");
        boolean nack = options.nack() && vp8.hasFeedback("nack");
        boolean pli = options.pli() && vp8.hasFeedback("nack pli");
        List<String> fb = new ArrayList<>();
        addIf(fb, remb, "goog-remb");
        addIf(fb, tcc, "transport-cc");
        addIf(fb, fir, "ccm fir");
        addIf(fb, nack, "nack");
        addIf(fb, pli, "nack pli");
        return new CodecChoice(vp8, null, fb, new FeedbackFlags(nack, pli, fir, remb, tcc), rtx, -1, null);
    }

    private static void addIf(List<String> list, boolean condition, String value) {
        if (condition) {
            list.add(value);
        }
    }
}
