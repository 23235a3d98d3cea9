package sabaq.signalling.auth;

import org.junit.jupiter.api.Test;
import sabaq.signalling.account.AccountRole;
import sabaq.signalling.account.Organisation;
import sabaq.signalling.account.RoleAssignment;
import sabaq.signalling.account.Account;
import sabaq.signalling.account.AccountStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class AccessPolicyTest {
    private static final Path SECURITY = Path.of("..", "docs", "security.md");
    /** The role columns of the table, in order. */
    private static final List<AccountRole> COLUMNS = List.of(AccountRole.TEACHER, AccountRole.METHODIST, AccountRole.TUTOR,
            AccountRole.DIRECTOR, AccountRole.DEPUTY_DIRECTOR, AccountRole.STUDENT, AccountRole.PARENT, AccountRole.MONITOR,
            AccountRole.STUDIO_STAFF, AccountRole.ADMINISTRATOR);

    private static Scope scope(String cell) {
        switch (cell.trim()) {
            case "self": return Scope.SELF;
            case "platform": return Scope.PLATFORM;
            case "organisation": return Scope.ORGANISATION;
            case "group": return Scope.GROUP;
            case "own child": return Scope.OWN_CHILD;
            case "anywhere": return Scope.ANYWHERE;
            default: throw new AssertionError("unknown scope: " + cell);
        }
    }

    @Test
    void theSecurityDocumentHasTheSameTable() throws IOException {
        List<String> lines = Files.readAllLines(SECURITY, StandardCharsets.UTF_8);
        int start = lines.indexOf("## 5. Who may do what");
        assertTrue(start >= 0, "section 5 missing");
        String header = lines.stream().skip(start).filter(l -> l.startsWith("| action |")).findFirst().orElseThrow();
        StringBuilder expectedHeader = new StringBuilder("| action | route | scope |");
        for (AccountRole r : COLUMNS) expectedHeader.append(' ').append(r.wireName().replace('-', ' ')).append(" |");
        assertEquals(expectedHeader.toString(), header);
        Map<Action, String[]> rows = new EnumMap<>(Action.class);
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            String line = lines.get(i);
            if (!line.startsWith("| `")) continue;
            String[] cells = line.replace("\\|", "/").split("\\|");
            String label = cells[1].trim().replace("`", "");
            Action action = null;
            for (Action a : Action.values()) if (a.wireName().equals(label)) action = a;
            if (action == null) fail("row for an unknown action: " + line);
            if (rows.put(action, cells) != null) fail("two rows for " + label);
        }
        for (Action a : Action.values()) {
            String[] cells = rows.get(a);
            if (cells == null) fail("no row in docs/security.md for " + a.wireName());
            assertEquals(AccessPolicy.scope(a), scope(cells[3]), a.wireName() + " scope");
            Set<AccountRole> documented = EnumSet.noneOf(AccountRole.class);
            for (int c = 0; c < COLUMNS.size(); c++) {
                String cell = cells[4 + c].trim();
                if (cell.equals("yes")) documented.add(COLUMNS.get(c));
                else if (!cell.equals("no")) fail(a.wireName() + ": cell " + cell);
            }
            assertEquals(AccessPolicy.roles(a), documented, a.wireName() + " roles");
        }
    }

    private static Principal holding(RoleAssignment... roles) {
        Account a = new Account(roles.length == 0 ? UUID.randomUUID() : roles[0].userId(), UUID.randomUUID(), "x-user", "X",
                null, null, AccountStatus.ACTIVE, null, false, null, null, null, null, null, 0, 0);
        return new Principal(a, List.of(roles), UUID.randomUUID());
    }

    @Test
    void scopesLimitWhereARoleCounts() {
        UUID user = UUID.randomUUID();
        UUID school = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID g7a = UUID.randomUUID();
        UUID g7b = UUID.randomUUID();
        Principal teacher7a = holding(new RoleAssignment(user, school, AccountRole.TEACHER, g7a, 0, null));
        assertTrue(AccessPolicy.decide(teacher7a, Action.LESSON_CREATE, school, g7a).allowed());
        assertFalse(AccessPolicy.decide(teacher7a, Action.LESSON_CREATE, school, g7b).allowed(), "another group");
        assertFalse(AccessPolicy.decide(teacher7a, Action.LESSON_CREATE, other, g7a).allowed(), "another school");

        Principal schoolAdmin = holding(new RoleAssignment(user, school, AccountRole.ADMINISTRATOR, null, 0, null));
        assertTrue(AccessPolicy.decide(schoolAdmin, Action.USER_CREATE, school, null).allowed());
        assertTrue(AccessPolicy.decide(schoolAdmin, Action.LESSON_CREATE, school, g7b).allowed(), "organisation-wide");
        assertFalse(AccessPolicy.decide(schoolAdmin, Action.USER_CREATE, other, null).allowed());
        assertFalse(AccessPolicy.decide(schoolAdmin, Action.ORG_CREATE, Organisation.PLATFORM, null).allowed());
        assertFalse(AccessPolicy.decideAnywhere(schoolAdmin, Action.ORG_CREATE).allowed());
        assertEquals("administrator", AccessPolicy.decide(schoolAdmin, Action.USER_CREATE, school, null).role());

        Principal platform = holding(new RoleAssignment(user, Organisation.PLATFORM, AccountRole.ADMINISTRATOR, null, 0, null));
        assertTrue(AccessPolicy.decide(platform, Action.USER_DELETE, other, null).allowed());
        assertTrue(AccessPolicy.decide(platform, Action.ORG_CREATE, Organisation.PLATFORM, null).allowed());

        Principal nobody = holding();
        assertTrue(AccessPolicy.decide(nobody, Action.PROFILE_READ, school, null).allowed());
        assertEquals("self", AccessPolicy.decide(nobody, Action.PASSWORD_CHANGE, school, null).role());
        assertFalse(AccessPolicy.decideAnywhere(nobody, Action.LESSON_LIST).allowed());
    }
}
