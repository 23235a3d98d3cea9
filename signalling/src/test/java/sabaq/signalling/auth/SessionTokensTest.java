package sabaq.signalling.auth;

import org.junit.jupiter.api.Test;
import sabaq.common.time.FakeTimeSource;
import sabaq.signalling.token.JoinTokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionTokensTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private final FakeTimeSource time = new FakeTimeSource();
    private final SessionTokens tokens = new SessionTokens(SECRET, time, Duration.ofMinutes(5), Duration.ofMinutes(2));

    @Test
    void accessTokensCarryAccountAndSessionUntilTheyExpire() {
        UUID user = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        String t = tokens.issueAccess(user, session);
        SessionTokens.Checked<SessionTokens.Access> c = tokens.verifyAccess(t);
        assertTrue(c.ok());
        assertEquals(user, c.value().userId());
        assertEquals(session, c.value().sessionId());
        time.advance(Duration.ofMinutes(5));
        assertTrue(tokens.verifyAccess(t).expired());
    }

    @Test
    void oneKindNeverPassesForAnother() {
        UUID user = UUID.randomUUID();
        String access = tokens.issueAccess(user, UUID.randomUUID());
        String ticket = tokens.issueTicket(user, SignInStage.TOTP);
        assertEquals(SignInStage.TOTP, tokens.verifyTicket(ticket).value().stage());
        assertFalse(tokens.verifyTicket(access).ok());
        assertFalse(tokens.verifyAccess(ticket).ok());
        String join = new JoinTokens(SECRET, time).issue("AbCdEf012345", sabaq.signalling.lesson.Role.TEACHER,
                Duration.ofHours(1)).token();
        assertFalse(tokens.verifyAccess(join).ok(), "a join token signed with the raw secret");
        SessionTokens other = new SessionTokens("ffffffffffffffffffffffffffffffff".getBytes(StandardCharsets.UTF_8), time,
                Duration.ofMinutes(5), Duration.ofMinutes(2));
        assertFalse(other.verifyAccess(access).ok());
        assertFalse(tokens.verifyAccess(access.substring(0, access.length() - 2) + "AA").ok());
        assertFalse(tokens.verifyAccess(null).ok());
        assertFalse(tokens.verifyAccess("").ok());
    }

    @Test
    void ticketsExpireQuickly() {
        String ticket = tokens.issueTicket(UUID.randomUUID(), SignInStage.ENROL_TOTP);
        time.advance(Duration.ofSeconds(119));
        assertTrue(tokens.verifyTicket(ticket).ok());
        time.advance(Duration.ofSeconds(1));
        assertTrue(tokens.verifyTicket(ticket).expired());
    }
}
