package sabaq.recorder.ffmpeg;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CSV list FFmpeg's segment muxer writes ({@code -segment_list x.csv -segment_list_type csv}): one line per
 * finished segment, {@code <file name>,<start seconds>,<end seconds>}. FFmpeg appends a line only once the segment
 * is closed, so a listed file is complete. A torn last line (still being written) is ignored until it is whole.
 */
public final class SegmentList {
    private SegmentList() {
    }

    /** One finished segment: file name and its start and end in seconds of the run's timeline. */
    public record Entry(String fileName, double startSeconds, double endSeconds) {
        public double durationSeconds() {
            return endSeconds - startSeconds;
        }
    }

    /** Parses complete lines; never throws. */
    public static List<Entry> parse(String csv) {
        List<Entry> out = new ArrayList<>();
        if (csv == null) return out;
        int lineStart = 0;
        while (true) {
            int nl = csv.indexOf('\n', lineStart);
            if (nl < 0) break;
            Entry e = line(csv.substring(lineStart, nl).trim());
            if (e != null) out.add(e);
            lineStart = nl + 1;
        }
        return out;
    }

    static Entry line(String line) {
        int c2 = line.lastIndexOf(',');
        int c1 = c2 <= 0 ? -1 : line.lastIndexOf(',', c2 - 1);
        if (c1 <= 0) return null;
        String name = line.substring(0, c1);
        if (name.startsWith("\"") && name.endsWith("\"") && name.length() >= 2) name = name.substring(1, name.length() - 1);
        if (name.isEmpty() || name.contains("/") || name.contains("..")) return null;
        try {
            double start = Double.parseDouble(line.substring(c1 + 1, c2));
            double end = Double.parseDouble(line.substring(c2 + 1));
            if (!(start >= 0) || !(end >= start) || Double.isInfinite(end)) return null;
            return new Entry(name, start, end);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
