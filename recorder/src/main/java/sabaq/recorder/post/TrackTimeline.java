package sabaq.recorder.post;

import sabaq.recorder.session.SegmentRecord;
import sabaq.recorder.session.TrackInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One track's segments laid on the lesson's wall-clock timeline, and the FFmpeg concat list that plays them with
 * their gaps: each entry's declared {@code duration} reaches to the next segment's start, so the concat demuxer
 * leaves the outage as a hole in the timestamps instead of closing it up. The input is shifted by {@link #offsetSeconds}
 * ({@code -itsoffset}) so every track starts where it started in the lesson.
 */
public final class TrackTimeline {
    private final TrackInfo track;
    private final List<SegmentRecord> segments;
    private final long originMillis;

    public TrackTimeline(TrackInfo track, List<SegmentRecord> segments, long originMillis) {
        this.track = track;
        Map<String, SegmentRecord> unique = new LinkedHashMap<>();
        segments.stream().sorted(Comparator.comparingLong(SegmentRecord::startMillis))
                .forEach(s -> unique.putIfAbsent(s.key(), s));
        this.segments = List.copyOf(unique.values());
        this.originMillis = originMillis;
    }

    public TrackInfo track() {
        return track;
    }

    public List<SegmentRecord> segments() {
        return segments;
    }

    public boolean isEmpty() {
        return segments.isEmpty();
    }

    /** Where the track starts on the lesson timeline. */
    public double offsetSeconds() {
        return segments.isEmpty() ? 0 : (segments.get(0).startMillis() - originMillis) / 1000.0;
    }

    /** Intervals (seconds on the lesson timeline) where this track has media, merged when closer than 0.5 s. */
    public List<double[]> intervals() {
        List<double[]> out = new ArrayList<>();
        for (SegmentRecord s : segments) {
            double a = (s.startMillis() - originMillis) / 1000.0;
            double b = (s.endMillis() - originMillis) / 1000.0;
            if (!out.isEmpty() && a - out.get(out.size() - 1)[1] < 0.5) {
                out.get(out.size() - 1)[1] = Math.max(out.get(out.size() - 1)[1], b);
            } else {
                out.add(new double[]{a, b});
            }
        }
        return out;
    }

    /**
     * The concat list ({@code ffconcat version 1.0}) over local copies of the segments.
     *
     * @param fileOf the local file name of each segment, by key
     */
    public String concatList(Map<String, String> fileOf) {
        StringBuilder sb = new StringBuilder("ffconcat version 1.0\n");
        for (int i = 0; i < segments.size(); i++) {
            SegmentRecord s = segments.get(i);
            long declared = s.durationMillis();
            if (i + 1 < segments.size()) {
                long untilNext = segments.get(i + 1).startMillis() - s.startMillis();
                if (untilNext > 0) declared = untilNext;
            }
            sb.append("file '").append(fileOf.get(s.key()).replace("'", "'\\''")).append("'\n");
            sb.append(String.format(Locale.ROOT, "duration %.3f%n", Math.max(declared, 1) / 1000.0));
        }
        return sb.toString();
    }
}
