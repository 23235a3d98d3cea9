package sabaq.signalling.lesson;

import org.junit.jupiter.api.Test;
import sabaq.signalling.lesson.Permissions.Grant;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class PermissionsTest {
    /** Surefire runs in the module directory; the protocol document is at the repository root. */
    private static final Path PROTOCOL = Path.of("..", "docs", "protocol.md");

    private static String docLabel(LessonAction a) {
        if (a == LessonAction.PUBLISH) return "offer (publish)";
        if (a == LessonAction.SUBSCRIBE) return "offer (subscribe)";
        return a.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Grant docGrant(String cell) {
        switch (cell.trim()) {
            case "yes":
                return Grant.ALWAYS;
            case "with the floor":
                return Grant.WITH_FLOOR;
            case "no":
                return Grant.NEVER;
            default:
                throw new AssertionError("unknown cell: " + cell);
        }
    }

    @Test
    void protocolDocumentHasTheSameTable() throws IOException {
        List<String> lines = Files.readAllLines(PROTOCOL, StandardCharsets.UTF_8);
        int start = lines.indexOf("### 2.5 Permissions");
        assertTrue(start >= 0, "section 2.5 Permissions missing");
        Map<LessonAction, String[]> rows = new EnumMap<>(LessonAction.class);
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("#"); i++) {
            String line = lines.get(i);
            if (!line.startsWith("| `")) continue;
            String[] cells = line.split("\\|");
            String label = cells[1].trim().replace("`", "");
            LessonAction action = null;
            for (LessonAction a : LessonAction.values()) if (docLabel(a).equals(label)) action = a;
            if (action == null) fail("row for an unknown action: " + line);
            if (rows.put(action, cells) != null) fail("two rows for " + label);
        }
        for (LessonAction a : LessonAction.values()) {
            String[] cells = rows.get(a);
            if (cells == null) fail("no row in docs/protocol.md for " + docLabel(a));
            assertEquals(Permissions.grant(Role.TEACHER, a), docGrant(cells[2]), docLabel(a) + " teacher");
            assertEquals(Permissions.grant(Role.STUDENT, a), docGrant(cells[3]), docLabel(a) + " student");
            assertEquals(Permissions.grant(Role.OBSERVER, a), docGrant(cells[4]), docLabel(a) + " observer");
        }
    }

    @Test
    void floorDecidesStudentMedia() {
        Participant student = new Participant("p1", "c1", "S", Role.STUDENT);
        assertFalse(Permissions.allows(student, LessonAction.PUBLISH));
        assertFalse(Permissions.allows(student, LessonAction.UNMUTE));
        student.hasFloor(true);
        assertTrue(Permissions.allows(student, LessonAction.PUBLISH));
        assertTrue(Permissions.allows(student, LessonAction.UNMUTE));
        assertFalse(Permissions.allows(student, LessonAction.MUTE));

        Participant observer = new Participant("p2", "c2", "O", Role.OBSERVER);
        observer.hasFloor(true);
        assertFalse(Permissions.allows(observer, LessonAction.PUBLISH), "the floor does not help an observer");
        Participant teacher = new Participant("p3", "c3", "T", Role.TEACHER);
        assertTrue(Permissions.allows(teacher, LessonAction.PUBLISH));
        assertTrue(Permissions.allows(teacher, LessonAction.END_LESSON));
    }
}
