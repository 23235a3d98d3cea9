package sabaq.signalling.csv;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvWriterTest {
    @Test
    void quotesWhatNeedsItAndDefusesFormulas() {
        String out = new CsvWriter().row(Arrays.asList("id", "Бекова, А.", "say \"hi\"", "two\nlines", " pad", null))
                .row(List.of("=HYPERLINK(\"x\")", "+7 701", "-1", "@SUM", "ok")).toString();
        assertTrue(out.startsWith(CsvWriter.BOM));
        assertEquals("id,\"Бекова, А.\",\"say \"\"hi\"\"\",\"two\nlines\",\" pad\",\r\n"
                + "\"'=HYPERLINK(\"\"x\"\")\",'+7 701,'-1,'@SUM,ok\r\n", out.substring(1));
    }

    @Test
    void whatTheWriterWritesTheParserReadsBack() {
        List<String> row = List.of("a,b", "q\"q", "line\r\nbreak", "Қазақ", "");
        String out = new CsvWriter().row(row).toString();
        CsvParser.Result r = new CsvParser(10, 100).parse(out.getBytes(StandardCharsets.UTF_8));
        assertTrue(r.ok(), r.error());
        assertEquals(row, r.records().get(0).fields());
    }
}
