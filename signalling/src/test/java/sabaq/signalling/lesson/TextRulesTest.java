package sabaq.signalling.lesson;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TextRulesTest {

    @Test
    void labels() {
        assertEquals("Aigerim Bekova", TextRules.label("  Aigerim Bekova \t", 100));
        assertEquals("Айгерим", TextRules.label("Айгерим", 100));
        assertNull(TextRules.label(null, 100));
        assertNull(TextRules.label("   ", 100));
        assertNull(TextRules.label("a\nb", 100));
        assertNull(TextRules.label("a\u0085b", 100), "C1 control");
        assertNull(TextRules.label("a\u007fb", 100), "DEL");
        assertEquals("\uD83D\uDE00".repeat(100), TextRules.label("\uD83D\uDE00".repeat(100), 100), "emoji count once");
        assertNull(TextRules.label("x".repeat(101), 100));
    }

    @Test
    void chat() {
        assertEquals("line one\nline two", TextRules.chat("  line one\r\n\u0000line two\u0007  ", 2000));
        assertEquals("tabgone", TextRules.chat("tab\tgone", 2000));
        assertNull(TextRules.chat("\u0001\u0002 \n ", 2000));
        assertNull(TextRules.chat("x".repeat(2001), 2000));
        assertEquals(2000, TextRules.chat("\u0001" + "x".repeat(2000), 2000).length());
    }
}
