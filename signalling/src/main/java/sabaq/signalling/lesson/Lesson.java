package sabaq.signalling.lesson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The state of one lesson: participants, published tracks, chat history and the browser sessions ({@code clientId}s)
 * removed by a teacher. Not thread safe: it is confined to one Vert.x context, the lesson's owner
 * ({@code sabaq.signalling.session.LessonHub}).
 */
public final class Lesson {
    private final String id;
    private final String title;
    private final String teacherName;
    private final long createdAtMillis;
    private final Map<String, Participant> participants = new LinkedHashMap<>();
    private final Map<String, Track> tracks = new LinkedHashMap<>();
    private final ChatHistory chat;
    private final Set<String> removedClientIds = new HashSet<>();
    private LessonState state = LessonState.LIVE;
    private long endedAtMillis;
    private long chatSequence;

    public Lesson(String id, String title, String teacherName, long createdAtMillis, int chatHistory) {
        this.id = Objects.requireNonNull(id, "id");
        this.title = Objects.requireNonNull(title, "title");
        this.teacherName = Objects.requireNonNull(teacherName, "teacherName");
        this.createdAtMillis = createdAtMillis;
        this.chat = new ChatHistory(chatHistory);
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String teacherName() {
        return teacherName;
    }

    public long createdAtMillis() {
        return createdAtMillis;
    }

    public LessonState state() {
        return state;
    }

    public boolean isLive() {
        return state == LessonState.LIVE;
    }

    public long endedAtMillis() {
        return endedAtMillis;
    }

    /** Marks the lesson ended; idempotent (the first end time stays). */
    public void end(long nowMillis) {
        if (state == LessonState.ENDED) return;
        state = LessonState.ENDED;
        endedAtMillis = nowMillis;
    }

    public void addParticipant(Participant p) {
        if (participants.putIfAbsent(p.id(), p) != null) throw new IllegalStateException("duplicate participant " + p.id());
    }

    /** Removes the participant and its tracks; returns null when it was not here. */
    public Participant removeParticipant(String participantId) {
        Participant p = participants.remove(participantId);
        if (p != null) tracks.values().removeIf(t -> t.participantId().equals(participantId));
        return p;
    }

    public Participant participant(String participantId) {
        return participants.get(participantId);
    }

    public Collection<Participant> participants() {
        return Collections.unmodifiableCollection(participants.values());
    }

    public int participantCount() {
        return participants.size();
    }

    public Collection<Track> tracks() {
        return Collections.unmodifiableCollection(tracks.values());
    }

    public Track track(String trackId) {
        return tracks.get(trackId);
    }

    public List<Track> tracksOf(String participantId) {
        List<Track> out = new ArrayList<>();
        for (Track t : tracks.values()) if (t.participantId().equals(participantId)) out.add(t);
        return out;
    }

    /**
     * Makes {@code published} the complete set of tracks of one participant (an SDP offer describes the whole
     * session). Returns true when the lesson's list of track ids changed (a new mid for the same track is no change
     * for the other participants).
     */
    public boolean replaceTracks(String participantId, List<Track> published) {
        Set<String> before = new HashSet<>();
        for (Track t : tracksOf(participantId)) before.add(t.trackId());
        Set<String> after = new HashSet<>();
        for (Track t : published) {
            if (!t.participantId().equals(participantId)) throw new IllegalArgumentException("track of another participant: " + t);
            after.add(t.trackId());
        }
        tracks.values().removeIf(t -> t.participantId().equals(participantId));
        for (Track t : published) tracks.put(t.trackId(), t);
        return !before.equals(after);
    }

    /** Removes one track; returns it, or null when it was not published. */
    public Track removeTrack(String trackId) {
        return tracks.remove(trackId);
    }

    /** Removes every track of one participant and returns them. */
    public List<Track> removeTracksOf(String participantId) {
        List<Track> removed = tracksOf(participantId);
        for (Track t : removed) tracks.remove(t.trackId());
        return removed;
    }

    public String nextChatId() {
        return Long.toString(++chatSequence);
    }

    public void addChat(ChatMessage m) {
        chat.add(m);
    }

    public List<ChatMessage> chatHistory() {
        return chat.snapshot();
    }

    public void markRemoved(String clientId) {
        removedClientIds.add(clientId);
    }

    public boolean isRemoved(String clientId) {
        return clientId != null && removedClientIds.contains(clientId);
    }
}
