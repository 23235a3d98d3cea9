package sabaq.signalling.ops.alert;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertRulesConfigTest {
    private static final String PATH = "sabaq.signalling.ops.alerts.rules";
    private static final String TITLE = "title { kk = \"Қате\", ru = \"Ошибка\", en = \"Error\" }";

    private static List<AlertRule> read(String rules) {
        return AlertRulesConfig.read(ConfigFactory.parseString(PATH + " = [" + rules + "]"), PATH);
    }

    private static void assertFailsNaming(String key, String rules) {
        ConfigException e = assertThrows(ConfigException.class, () -> read(rules));
        assertTrue(e.getMessage().contains(PATH + key), e.getMessage());
    }

    @Test
    void theDefaultRulesAreValid() {
        List<AlertRule> rules = AlertRulesConfig.read(ConfigFactory.defaultReference(), PATH);
        assertTrue(rules.size() >= 4);
        for (AlertRule r : rules) assertEquals(3, r.titles().size(), r.id());
        assertTrue(rules.stream().anyMatch(r -> r.condition().metric().equals("disk.free.ratio")));
        assertTrue(rules.stream().anyMatch(r -> r.condition().metric().equals("lesson.loss")));
        assertTrue(rules.stream().anyMatch(r -> r.condition().text().equals("system.cpu > 0.9 for 1 minute")));
    }

    @Test
    void readsARule() {
        AlertRule r = read("{ id = cpu, condition = \"system.cpu > 0.5 for 10 seconds\", severity = info, " + TITLE + " }").get(0);
        assertEquals("cpu", r.id());
        assertEquals(Severity.INFO, r.severity());
        assertEquals("Қате", r.titles().get("kk"));
        assertEquals(AlertMetrics.Scope.SERVER, r.scope());
        assertEquals(AlertMetrics.Scope.LESSON, read("{ id = l, condition = \"lesson.rtt > 500\", severity = warning, "
                + TITLE + " }").get(0).scope());
    }

    @Test
    void mistakesNameTheExactKey() {
        String ok = "{ id = a, condition = \"system.cpu > 0.5\", severity = info, " + TITLE + " }";
        assertFailsNaming("[1].condition", ok + ", { id = b, condition = \"system.cpu >> 0.5\", severity = info, " + TITLE + " }");
        assertFailsNaming("[1].condition", ok + ", { id = b, condition = \"system.cpus > 0.5\", severity = info, " + TITLE + " }");
        assertFailsNaming("[1].id", ok + ", " + ok);
        assertFailsNaming("[0].id", "{ id = \"Not Valid\", condition = \"system.cpu > 0.5\", severity = info, " + TITLE + " }");
        assertFailsNaming("[0].severity", "{ id = a, condition = \"system.cpu > 0.5\", severity = urgent, " + TITLE + " }");
        assertFailsNaming("[0].title", "{ id = a, condition = \"system.cpu > 0.5\", severity = info }");
        assertFailsNaming("[0].title", "{ id = a, condition = \"system.cpu > 0.5\", severity = info, title = \"Error\" }");
        assertFailsNaming("[0].title.ru", "{ id = a, condition = \"system.cpu > 0.5\", severity = info, "
                + "title { kk = \"Қате\", en = \"Error\" } }");
        assertFailsNaming("[0].title.de", "{ id = a, condition = \"system.cpu > 0.5\", severity = info, "
                + "title { kk = \"Қате\", ru = \"Ошибка\", en = \"Error\", de = \"Fehler\" } }");
        assertFailsNaming("[0].title.en", "{ id = a, condition = \"system.cpu > 0.5\", severity = info, "
                + "title { kk = \"Қате\", ru = \"Ошибка\", en = \"  \" } }");
        assertFailsNaming("[0].severty", "{ id = a, condition = \"system.cpu > 0.5\", severty = info, " + TITLE + " }");
        assertFailsNaming("[0].condition", "{ id = a, severity = info, " + TITLE + " }");
        assertFailsNaming("[0].condition", "{ id = a, condition = [1], severity = info, " + TITLE + " }");
        assertThrows(ConfigException.class, () -> AlertRulesConfig.read(
                ConfigFactory.parseString(PATH + " = \"none\""), PATH));
    }

    @Test
    void mediaCountersAreAcceptedByShape() {
        assertEquals("media.drop_srtp_auth", read("{ id = a, condition = \"media.drop_srtp_auth increase > 5\", "
                + "severity = info, " + TITLE + " }").get(0).condition().metric());
        assertFailsNaming("[0].condition", "{ id = a, condition = \"media. > 5\", severity = info, " + TITLE + " }");
    }
}
