package sabaq.signalling.lesson;

import java.util.EnumMap;
import java.util.Map;

/**
 * The one table of who may do what (docs/protocol.md section 2.5 mirrors it; {@code PermissionsTest} checks the two
 * agree). A student's media rights depend on holding the floor.
 */
public final class Permissions {

    /** The answer of the table for one role and action. */
    public enum Grant {
        ALWAYS, WITH_FLOOR, NEVER
    }

    private static final Map<LessonAction, Map<Role, Grant>> TABLE = new EnumMap<>(LessonAction.class);

    static {
        row(LessonAction.PUBLISH, Grant.ALWAYS, Grant.WITH_FLOOR, Grant.NEVER);
        row(LessonAction.SUBSCRIBE, Grant.ALWAYS, Grant.ALWAYS, Grant.ALWAYS);
        row(LessonAction.UNPUBLISH, Grant.ALWAYS, Grant.ALWAYS, Grant.NEVER);
        row(LessonAction.MEDIA_STATE, Grant.ALWAYS, Grant.ALWAYS, Grant.ALWAYS);
        row(LessonAction.RECEIVE_MODE, Grant.ALWAYS, Grant.ALWAYS, Grant.ALWAYS);
        row(LessonAction.CHAT, Grant.ALWAYS, Grant.ALWAYS, Grant.NEVER);
        row(LessonAction.HAND, Grant.NEVER, Grant.ALWAYS, Grant.NEVER);
        row(LessonAction.GRANT_FLOOR, Grant.ALWAYS, Grant.NEVER, Grant.NEVER);
        row(LessonAction.MUTE, Grant.ALWAYS, Grant.NEVER, Grant.NEVER);
        row(LessonAction.UNMUTE, Grant.NEVER, Grant.WITH_FLOOR, Grant.NEVER);
        row(LessonAction.REMOVE, Grant.ALWAYS, Grant.NEVER, Grant.NEVER);
        row(LessonAction.END_LESSON, Grant.ALWAYS, Grant.NEVER, Grant.NEVER);
        row(LessonAction.LEAVE, Grant.ALWAYS, Grant.ALWAYS, Grant.ALWAYS);
        row(LessonAction.RECORD, Grant.ALWAYS, Grant.NEVER, Grant.NEVER);
        for (LessonAction a : LessonAction.values()) {
            if (!TABLE.containsKey(a)) throw new ExceptionInInitializerError("no permission row for " + a);
        }
    }

    private Permissions() {
    }

    private static void row(LessonAction action, Grant teacher, Grant student, Grant observer) {
        Map<Role, Grant> m = new EnumMap<>(Role.class);
        m.put(Role.TEACHER, teacher);
        m.put(Role.STUDENT, student);
        m.put(Role.OBSERVER, observer);
        TABLE.put(action, m);
    }

    public static Grant grant(Role role, LessonAction action) {
        return TABLE.get(action).get(role);
    }

    /** True when this participant, in its current state (floor), may do the action. */
    public static boolean allows(Participant p, LessonAction action) {
        switch (grant(p.role(), action)) {
            case ALWAYS:
                return true;
            case WITH_FLOOR:
                return p.hasFloor();
            default:
                return false;
        }
    }
}
