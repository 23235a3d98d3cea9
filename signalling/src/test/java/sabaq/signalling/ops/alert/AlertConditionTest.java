package sabaq.signalling.ops.alert;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertConditionTest {

    @Test
    void readsTheExamplesOfTheIssue() {
        AlertCondition disk = AlertCondition.parse("disk.free.ratio < 0.10");
        assertEquals("disk.free.ratio", disk.metric());
        assertEquals(Comparison.LESS, disk.comparison());
        assertEquals(0.10, disk.threshold(), 1e-12);
        assertEquals(Duration.ZERO, disk.holdFor());
        assertFalse(disk.increase());

        AlertCondition cpu = AlertCondition.parse("system.cpu > 0.90 for 1 minute");
        assertEquals(Comparison.GREATER, cpu.comparison());
        assertEquals(Duration.ofMinutes(1), cpu.holdFor());

        AlertCondition loss = AlertCondition.parse("lesson.loss > 0.10 for 30 seconds");
        assertEquals(Duration.ofSeconds(30), loss.holdFor());

        AlertCondition errors = AlertCondition.parse("media.internal_errors increase > 0");
        assertTrue(errors.increase());
        assertEquals(Duration.ZERO, errors.increaseWindow());
        assertEquals(0, errors.threshold());
    }

    @Test
    void windowsPercentagesAndCompactSpelling() {
        AlertCondition c = AlertCondition.parse("  media.dtls_failures increase over 5 minutes >= 10 for 90s ");
        assertEquals(Duration.ofMinutes(5), c.increaseWindow());
        assertEquals(Comparison.GREATER_OR_EQUAL, c.comparison());
        assertEquals(Duration.ofSeconds(90), c.holdFor());
        assertEquals(0.1, AlertCondition.parse("disk.free.ratio<10%").threshold(), 1e-12);
        assertEquals(Comparison.NOT_EQUAL, AlertCondition.parse("lessons.live != 3").comparison());
        assertEquals(Comparison.LESS_OR_EQUAL, AlertCondition.parse("lessons.live <= -2.5e1").comparison());
        assertEquals(-25, AlertCondition.parse("lessons.live <= -2.5e1").threshold(), 1e-12);
        assertEquals(Duration.ofMillis(1500), AlertCondition.parse("system.cpu == 1 for 1.5 s").holdFor());
    }

    @Test
    void canonicalTextParsesBackToTheSameCondition() {
        for (String text : new String[] {"disk.free.ratio < 0.1", "system.cpu > 0.9 for 1 minute",
                "media.internal_errors increase over 5 minutes > 0", "lesson.loss >= 10% for 30 seconds",
                "participants == 0 for 2 hours", "ws.errors increase > 100 for 1500 ms"}) {
            AlertCondition c = AlertCondition.parse(text);
            assertEquals(c, AlertCondition.parse(c.text()), text + " -> " + c.text());
        }
        assertEquals("system.cpu > 0.9 for 1 minute", AlertCondition.parse("system.cpu>0.90 for 60 seconds").text());
    }

    @Test
    void refusesWhatDoesNotRead() {
        for (String bad : new String[] {"", "   ", "disk.free.ratio", "disk.free.ratio < ", "< 0.1", "Disk.free < 1",
                "disk.free.ratio << 0.1", "disk.free.ratio < 0.1 for", "disk.free.ratio < 0.1 for ever",
                "disk.free.ratio < 0.1 for 2 days", "disk.free.ratio < 0.1 for 5 fortnights", "x increase over < 1",
                "disk..free < 1", "disk.free. < 1", "x < 1e999", "x < 0x10", "x < 1 and y > 2", "x < NaN",
                "x".repeat(300) + " < 1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AlertCondition.parse(bad), bad);
            assertFalse(e.getMessage().isBlank());
        }
        assertThrows(IllegalArgumentException.class, () -> AlertCondition.parse(null));
    }

    @Test
    void comparisonsNeverHoldForNaN() {
        for (Comparison c : Comparison.values()) assertFalse(c.holds(Double.NaN, 1), c.name());
        assertTrue(Comparison.NOT_EQUAL.holds(2, 1));
        assertFalse(Comparison.LESS.holds(1, 1));
        assertTrue(Comparison.LESS_OR_EQUAL.holds(1, 1));
    }

    /** Fuzz: random and mutated condition texts either parse to a sane condition or fail with IllegalArgumentException. */
    @Test
    void fuzzNeverThrowsAnythingElse() {
        Random random = new Random(20261123L);
        String[] seeds = {"system.cpu > 0.90 for 1 minute", "media.internal_errors increase over 5 minutes > 0",
                "disk.free.ratio < 10%", "lesson.loss >= 0.1 for 30 seconds"};
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789._ <>=!%-+e \t";
        int parsed = 0;
        for (int i = 0; i < 100_000; i++) {
            String text;
            if (i % 2 == 0) {
                StringBuilder sb = new StringBuilder(seeds[random.nextInt(seeds.length)]);
                int edits = 1 + random.nextInt(4);
                for (int e = 0; e < edits && sb.length() > 0; e++) {
                    int at = random.nextInt(sb.length());
                    switch (random.nextInt(3)) {
                        case 0:
                            sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                            break;
                        case 1:
                            sb.deleteCharAt(at);
                            break;
                        default:
                            sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                }
                text = sb.toString();
            } else {
                char[] chars = new char[random.nextInt(60)];
                for (int k = 0; k < chars.length; k++) chars[k] = (char) random.nextInt(128);
                text = new String(chars);
            }
            try {
                AlertCondition c = AlertCondition.parse(text);
                parsed++;
                assertFalse(Double.isNaN(c.threshold()) || Double.isInfinite(c.threshold()), text);
                assertFalse(c.holdFor().isNegative() || c.holdFor().compareTo(DurationText.MAX) > 0, text);
                assertFalse(c.increaseWindow().isNegative() || c.increaseWindow().compareTo(DurationText.MAX) > 0, text);
                assertEquals(c, AlertCondition.parse(c.text()), text);
            } catch (IllegalArgumentException expected) {
                assertFalse(expected.getMessage() == null || expected.getMessage().isBlank(), text);
            }
        }
        assertTrue(parsed > 500, "mutations of valid conditions should often stay valid: " + parsed);
    }
}
