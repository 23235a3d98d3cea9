package sabaq.studio.subtitle;

import sabaq.studio.error.StudioError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SubRip (SRT) and WebVTT text into cues, and checks their timing. SRT: blocks of an optional number, a timing
 * line {@code 00:00:01,000 --> 00:00:04,000} and text lines, separated by blank lines. WebVTT (W3C WebVTT): a
 * {@code WEBVTT} header, then cue blocks with an optional identifier, a timing line {@code [hh:]mm:ss.ttt --> ...}
 * with optional cue settings, and text; {@code NOTE}, {@code STYLE} and {@code REGION} blocks are skipped. Both
 * separators (',' and '.') are accepted in either format.
 *
 * <p>Never throws: the result holds either the cues or the first problem (with the line number).
 */
public final class SubtitleParser {
    private static final Pattern TIME = Pattern.compile("(?:(\\d{1,3}):)?(\\d{1,2}):(\\d{2})[,.](\\d{1,3})");
    private static final Pattern TIMING = Pattern.compile("^\\s*(\\S+)\\s+-->\\s+(\\S+)(?:\\s.*)?$");

    private SubtitleParser() {
    }

    /** Cues, or the problem that stopped reading. */
    public record Result(List<Cue> cues, SubtitleProblem problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /**
     * Parses and validates.
     *
     * @param videoMillis the video's length: a cue starting at or after it is refused; 0 or less skips that check
     */
    public static Result parse(String text, long videoMillis) {
        Result read = read(text);
        if (!read.ok()) return read;
        SubtitleProblem p = validate(read.cues(), videoMillis);
        return p == null ? read : new Result(List.of(), p);
    }

    /** Reads the cues without checking their order. */
    public static Result read(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<Cue> cues = new ArrayList<>();
        int i = 0;
        boolean vtt = lines.length > 0 && lines[0].startsWith("WEBVTT");
        if (vtt) {
            i = 1;
            while (i < lines.length && !lines[i].isBlank()) i++;
        }
        while (i < lines.length) {
            if (lines[i].isBlank()) {
                i++;
                continue;
            }
            int blockStart = i;
            int blockEnd = i;
            while (blockEnd < lines.length && !lines[blockEnd].isBlank()) blockEnd++;
            String first = lines[blockStart].strip();
            if (vtt && (first.startsWith("NOTE") || first.equals("STYLE") || first.equals("REGION"))) {
                i = blockEnd;
                continue;
            }
            int timingLine = -1;
            if (lines[blockStart].contains("-->")) {
                timingLine = blockStart;
            } else if (blockStart + 1 < blockEnd && lines[blockStart + 1].contains("-->")) {
                timingLine = blockStart + 1;
            }
            if (timingLine < 0) return syntax(blockStart);
            Matcher m = TIMING.matcher(lines[timingLine]);
            if (!m.matches()) return syntax(timingLine);
            long start = millis(m.group(1));
            long end = millis(m.group(2));
            if (start < 0 || end < 0) return syntax(timingLine);
            StringBuilder body = new StringBuilder();
            for (int k = timingLine + 1; k < blockEnd; k++) {
                if (lines[k].contains("-->")) return syntax(k);
                if (body.length() > 0) body.append('\n');
                body.append(lines[k].strip());
            }
            cues.add(new Cue(cues.size() + 1, timingLine + 1, start, end, body.toString()));
            i = blockEnd;
        }
        if (cues.isEmpty()) return new Result(List.of(), new SubtitleProblem(StudioError.SUBTITLE_EMPTY, Map.of()));
        return new Result(List.copyOf(cues), null);
    }

    /** The first timing problem, or null: a cue that ends before it starts, comes out of order, overlaps, or starts after the video. */
    public static SubtitleProblem validate(List<Cue> cues, long videoMillis) {
        Cue previous = null;
        for (Cue c : cues) {
            if (c.endMillis() <= c.startMillis()) return problem(StudioError.SUBTITLE_TIMING, c);
            if (previous != null) {
                if (c.startMillis() < previous.startMillis()) return problem(StudioError.SUBTITLE_ORDER, c);
                if (c.startMillis() < previous.endMillis()) return problem(StudioError.SUBTITLE_OVERLAP, c);
            }
            if (videoMillis > 0 && c.startMillis() >= videoMillis) return problem(StudioError.SUBTITLE_BEYOND_VIDEO, c);
            previous = c;
        }
        return null;
    }

    private static SubtitleProblem problem(StudioError code, Cue c) {
        return new SubtitleProblem(code, Map.of("cue", Integer.toString(c.number()), "line", Integer.toString(c.line())));
    }

    private static Result syntax(int lineIndex) {
        return new Result(List.of(), new SubtitleProblem(StudioError.SUBTITLE_SYNTAX, Map.of("line", Integer.toString(lineIndex + 1))));
    }

    /** Milliseconds of a timestamp, or -1 when it is not one. */
    static long millis(String s) {
        Matcher m = TIME.matcher(s);
        if (!m.matches()) return -1;
        long h = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long min = Long.parseLong(m.group(2));
        long sec = Long.parseLong(m.group(3));
        String frac = m.group(4);
        long ms = Long.parseLong(frac) * (frac.length() == 1 ? 100 : frac.length() == 2 ? 10 : 1);
        if (min >= 60 || sec >= 60) return -1;
        return ((h * 60 + min) * 60 + sec) * 1000 + ms;
    }
}
