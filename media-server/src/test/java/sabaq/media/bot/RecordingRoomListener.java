package sabaq.media.bot;

import sabaq.common.media.MediaConnectionState;
import sabaq.common.media.MediaRoomListener;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link MediaRoomListener} that records every event for tests to poll. Thread safe. */
public final class RecordingRoomListener implements MediaRoomListener {
    /** One connection state change. */
    public record StateChange(String peerId, MediaConnectionState state) {
    }

    private final List<StateChange> states = new CopyOnWriteArrayList<>();
    private final List<String> speakers = new CopyOnWriteArrayList<>();

    @Override
    public void onPeerConnectionState(String peerId, MediaConnectionState state) {
        states.add(new StateChange(peerId, state));
    }

    @Override
    public void onActiveSpeaker(String peerId) {
        speakers.add(peerId == null ? "" : peerId);
    }

    /** The states one peer went through, in order. */
    public List<MediaConnectionState> statesOf(String peerId) {
        List<MediaConnectionState> out = new ArrayList<>();
        for (StateChange c : states) if (c.peerId().equals(peerId)) out.add(c.state());
        return out;
    }

    /** The latest state of a peer, or null. */
    public MediaConnectionState lastStateOf(String peerId) {
        List<MediaConnectionState> s = statesOf(peerId);
        return s.isEmpty() ? null : s.get(s.size() - 1);
    }

    /** Active speaker changes in order ("" when nobody speaks). */
    public List<String> speakers() {
        return List.copyOf(speakers);
    }

    /** The current active speaker ("" for nobody), or null before any change. */
    public String lastSpeaker() {
        List<String> s = speakers();
        return s.isEmpty() ? null : s.get(s.size() - 1);
    }
}
