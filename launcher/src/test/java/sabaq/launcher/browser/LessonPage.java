package sabaq.launcher.browser;

import sabaq.common.test.Poll;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A participant's lesson page in a real browser, driven through the page's test hooks ({@code window.sabaq},
 * documented in docs/web-client.md): the same functions the page's buttons call.
 */
public final class LessonPage {
    private final ChromeBrowser browser;

    public LessonPage(ChromeBrowser browser) {
        this.browser = browser;
    }

    public ChromeBrowser browser() {
        return browser;
    }

    public void open(String url) {
        browser.open(url);
    }

    /** Waits until the page has joined the lesson and returns its participant id. */
    public String awaitJoined(Duration timeout) {
        return Poll.until(timeout, () -> (String) browser.js(
                "return window.sabaq && window.sabaq.state && window.sabaq.state.participantId || null"),
                Objects::nonNull, browser.name() + " to join (console: " + browser.consoleLog() + ")");
    }

    public Object state(String field) {
        return browser.js("return window.sabaq.state[arguments[0]]", field);
    }

    public boolean flag(String field) {
        return Boolean.TRUE.equals(state(field));
    }

    public List<Map<String, Object>> videoStats() {
        return browser.awaitList("window.sabaq.inboundVideoStats()");
    }

    public List<Map<String, Object>> audioStats() {
        return browser.awaitList("window.sabaq.inboundAudioStats()");
    }

    /** Frames decoded so far of the given participant's video of the given source; -1 if not received. */
    public long framesDecoded(String participantId, String source) {
        return stat(videoStats(), participantId, source, "framesDecoded");
    }

    public long frameWidth(String participantId, String source) {
        return stat(videoStats(), participantId, source, "frameWidth");
    }

    /** The page's own outgoing video encodings (one per simulcast rid): rid, frameWidth, framesEncoded, bitrates. */
    public List<Map<String, Object>> outboundVideoStats() {
        return browser.awaitList("window.sabaq.pc().getStats().then(r => [...r.values()]"
                + ".filter(s => s.type === 'outbound-rtp' && s.kind === 'video')"
                + ".map(s => ({rid: s.rid || null, frameWidth: s.frameWidth || 0, framesEncoded: s.framesEncoded || 0,"
                + " targetBitrate: s.targetBitrate || 0, limitation: s.qualityLimitationReason || null})))");
    }

    public long audioPacketsReceived(String participantId) {
        return stat(audioStats(), participantId, null, "packetsReceived");
    }

    private static long stat(List<Map<String, Object>> stats, String participantId, String source, String field) {
        long best = -1;
        for (Map<String, Object> s : stats) {
            if (!participantId.equals(s.get("participantId"))) continue;
            if (source != null && !source.equals(s.get("source"))) continue;
            Object v = s.get(field);
            if (v instanceof Number) best = Math.max(best, ((Number) v).longValue());
        }
        return best;
    }

    /** Waits until the video of (participant, source) is decoding and its frame count keeps rising. */
    public void awaitVideoDecoding(String participantId, String source, Duration timeout) {
        String what = browser.name() + " decoding " + source + " of " + participantId;
        long first = Poll.until(timeout, Duration.ofMillis(250), () -> framesDecoded(participantId, source), n -> n > 0,
                what + " (stats: " + safeStats() + ")");
        // A new receiver (after a reconnect) starts counting from zero again: rising means +10 over the lowest seen.
        long[] base = {first};
        Poll.until(Duration.ofSeconds(15), Duration.ofMillis(250), () -> framesDecoded(participantId, source), n -> {
            if (n < base[0]) base[0] = n;
            return n >= base[0] + 10;
        }, what + " to keep rising from " + first);
    }

    /** Waits until audio packets from the participant keep arriving. */
    public void awaitAudioFlowing(String participantId, Duration timeout) {
        String what = browser.name() + " receiving audio of " + participantId;
        long first = Poll.until(timeout, Duration.ofMillis(250), () -> audioPacketsReceived(participantId), n -> n > 0, what);
        Poll.until(Duration.ofSeconds(10), Duration.ofMillis(250), () -> audioPacketsReceived(participantId),
                n -> n >= first + 20, what + " to keep rising from " + first);
    }

    public Object call(String hookCall) {
        return browser.await("window.sabaq." + hookCall);
    }

    private String safeStats() {
        try {
            return videoStats().toString();
        } catch (RuntimeException e) {
            return e.toString();
        }
    }
}
