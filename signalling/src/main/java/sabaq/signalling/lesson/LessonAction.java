package sabaq.signalling.lesson;

/** What a participant may try to do in a lesson; {@link Permissions} says which roles may. */
public enum LessonAction {
    /** An {@code offer} with at least one {@code publish} entry. */
    PUBLISH,
    /** An {@code offer} (receiving other participants' tracks). */
    SUBSCRIBE,
    UNPUBLISH,
    MEDIA_STATE,
    /** {@code receive-mode}: audio only or full video for oneself. */
    RECEIVE_MODE,
    CHAT,
    HAND,
    GRANT_FLOOR,
    MUTE,
    UNMUTE,
    REMOVE,
    END_LESSON,
    LEAVE,
    /** {@code record}: start recording the lesson. */
    RECORD
}
