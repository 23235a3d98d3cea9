package sabaq.signalling.csv;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvParserTest {
    private final CsvParser parser = new CsvParser(100, 50);

    private List<CsvRecord> ok(String text) {
        CsvParser.Result r = parser.parse(text.getBytes(StandardCharsets.UTF_8));
        assertTrue(r.ok(), r.error());
        return r.records();
    }

    @Test
    void rfc4180Records() {
        List<CsvRecord> r = ok("login,name\r\naigerim,\"Бекова, Айгерім\"\r\n\"q\"\"uote\",\"two\nlines\"\nlast,\r\n");
        assertEquals(4, r.size());
        assertEquals(List.of("login", "name"), r.get(0).fields());
        assertEquals(List.of("aigerim", "Бекова, Айгерім"), r.get(1).fields());
        assertEquals(List.of("q\"uote", "two\nlines"), r.get(2).fields());
        assertEquals(List.of("last", ""), r.get(3).fields());
        assertEquals(List.of(1, 2, 3, 5), r.stream().map(CsvRecord::line).toList(), "a record's line is where it starts");
    }

    @Test
    void byteOrderMarkBlankLinesAndLineEndings() {
        List<CsvRecord> r = ok("\uFEFFa,b\n\n\rc,d\re,f");
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d"), List.of("e", "f")), r.stream().map(CsvRecord::fields).toList());
        assertEquals(List.of(1, 4, 5), r.stream().map(CsvRecord::line).toList(), "LF, CR and CRLF each end a line");
        assertEquals(List.of(List.of("", "")), ok(",").stream().map(CsvRecord::fields).toList());
        assertTrue(ok("").isEmpty());
    }

    @Test
    void errorsNameTheLine() {
        CsvParser.Result open = parser.parse("a,b\nc,\"never closed\n".getBytes(StandardCharsets.UTF_8));
        assertFalse(open.ok());
        assertEquals(2, open.errorLine());
        CsvParser.Result after = parser.parse("a\n\"x\"y\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(2, after.errorLine());
        assertTrue(after.error().contains("after a closing quote"));
        CsvParser.Result latin1 = parser.parse(new byte[] {'a', ',', (byte) 0xE9, '\n'});
        assertEquals("the file is not UTF-8 text", latin1.error());
        CsvParser.Result longField = parser.parse(("a\n" + "x".repeat(51)).getBytes(StandardCharsets.UTF_8));
        assertTrue(longField.error().contains("longer than 50"));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 101; i++) many.append("r").append(i).append('\n');
        assertEquals(101, parser.parse(many.toString().getBytes(StandardCharsets.UTF_8)).errorLine());
    }

    /** 200k random and mutated files: no exception, results within the limits. */
    @Test
    void fuzz() {
        Random rnd = new Random(4180);
        byte[] seed = "login,name,roles\r\n\"a,b\",\"Ә \"\"q\"\"\",student;parent\n".getBytes(StandardCharsets.UTF_8);
        byte[] alphabet = {',', '"', '\r', '\n', 'a', ' ', (byte) 0xD3, (byte) 0x98, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 0};
        for (int i = 0; i < 200_000; i++) {
            byte[] b;
            if (i % 2 == 0) {
                b = new byte[rnd.nextInt(64)];
                for (int k = 0; k < b.length; k++) b[k] = alphabet[rnd.nextInt(alphabet.length)];
            } else {
                b = seed.clone();
                for (int e = 0; e < 1 + rnd.nextInt(4); e++) b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
            }
            CsvParser.Result r = parser.parse(b);
            if (r.ok()) {
                assertTrue(r.records().size() <= 100);
                for (CsvRecord rec : r.records()) {
                    assertTrue(rec.line() >= 1 && rec.line() <= b.length + 1);
                    for (String f : rec.fields()) assertTrue(f.length() <= 50);
                }
            } else {
                assertTrue(r.errorLine() >= 1 && r.errorLine() <= b.length + 1, r.error());
            }
        }
    }
}
