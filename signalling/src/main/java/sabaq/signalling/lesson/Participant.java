package sabaq.signalling.lesson;

import sabaq.common.media.ConnectionQuality;
import sabaq.common.media.MediaConnectionState;

import java.util.Objects;

/**
 * A participant of a lesson: one joined WebSocket. Mutable, confined to the lesson's context (see
 * {@code sabaq.signalling.session.LessonHub}). {@code clientId} identifies the browser tab across rejoins and is what
 * {@code remove} bans.
 */
public final class Participant {
    private final String id;
    private final String clientId;
    private final String name;
    private final Role role;
    private final String userId;
    private boolean handRaised;
    private boolean hasFloor;
    private boolean muted;
    private boolean camera;
    private boolean microphone;
    private boolean audioOnly;
    private ConnectionQuality quality;
    private MediaConnectionState connection = MediaConnectionState.NEW;

    public Participant(String id, String clientId, String name, Role role) {
        this(id, clientId, name, role, null);
    }

    /** A participant; {@code userId} is the account of a personal join link, null for a guest link. */
    public Participant(String id, String clientId, String name, Role role, String userId) {
        this.id = Objects.requireNonNull(id, "id");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.name = Objects.requireNonNull(name, "name");
        this.role = Objects.requireNonNull(role, "role");
        this.userId = userId;
    }

    /** The account behind this participant (personal join link), or null for a guest. Not sent to other clients. */
    public String userId() {
        return userId;
    }

    public String id() {
        return id;
    }

    public String clientId() {
        return clientId;
    }

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    public boolean handRaised() {
        return handRaised;
    }

    public void handRaised(boolean v) {
        handRaised = v;
    }

    public boolean hasFloor() {
        return hasFloor;
    }

    public void hasFloor(boolean v) {
        hasFloor = v;
    }

    /** Muted by a teacher: the SFU does not forward this participant's microphone. */
    public boolean muted() {
        return muted;
    }

    public void muted(boolean v) {
        muted = v;
    }

    public boolean camera() {
        return camera;
    }

    public void camera(boolean v) {
        camera = v;
    }

    public boolean microphone() {
        return microphone;
    }

    public void microphone(boolean v) {
        microphone = v;
    }

    public boolean audioOnly() {
        return audioOnly;
    }

    public void audioOnly(boolean v) {
        audioOnly = v;
    }

    /** The SFU's last connection quality sample, or null before the first. */
    public ConnectionQuality quality() {
        return quality;
    }

    public void quality(ConnectionQuality q) {
        quality = q;
    }

    public MediaConnectionState connection() {
        return connection;
    }

    public void connection(MediaConnectionState v) {
        connection = Objects.requireNonNull(v);
    }
}
