package sabaq.signalling.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV as RFC 4180 describes it, read strictly but tolerantly: UTF-8 only (invalid bytes are an error, a leading byte
 * order mark is skipped), comma separated, fields optionally in double quotes (a quote inside is doubled; quoted
 * fields may span lines), records ending in CRLF, LF or CR, blank lines skipped. Limits on records and field length
 * keep a hostile file cheap. Never throws: problems come back in {@link Result#error()} with the line.
 */
public final class CsvParser {
    private final int maxRecords;
    private final int maxFieldLength;

    public CsvParser(int maxRecords, int maxFieldLength) {
        this.maxRecords = maxRecords;
        this.maxFieldLength = maxFieldLength;
    }

    /** The records, or an error and the line where it was found. */
    public record Result(List<CsvRecord> records, String error, int errorLine) {
        public boolean ok() {
            return error == null;
        }

        static Result failed(String error, int line) {
            return new Result(List.of(), error, line);
        }
    }

    public Result parse(byte[] bytes) {
        String text;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            text = chars.toString();
        } catch (CharacterCodingException e) {
            return Result.failed("the file is not UTF-8 text", 1);
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        return parse(text);
    }

    Result parse(String s) {
        List<CsvRecord> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        int i = 0;
        int n = s.length();
        boolean quoted = false;
        boolean afterQuote = false;
        boolean fieldStarted = false;
        while (i <= n) {
            char c = i < n ? s.charAt(i) : '\n';
            boolean end = i == n;
            if (quoted) {
                if (end) return Result.failed("a quoted field is not closed", recordLine);
                if (c == '"') {
                    if (i + 1 < n && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    afterQuote = true;
                } else {
                    if (c == '\n' || (c == '\r' && !(i + 1 < n && s.charAt(i + 1) == '\n'))) line++;
                    field.append(c);
                }
                i++;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                fieldStarted = true;
                i++;
            } else if (c == '\r' || c == '\n') {
                if (fieldStarted || field.length() > 0 || afterQuote || !fields.isEmpty()) {
                    fields.add(field.toString());
                    if (records.size() >= maxRecords) return Result.failed("more than " + maxRecords + " rows", recordLine);
                    records.add(new CsvRecord(recordLine, fields));
                    fields = new ArrayList<>();
                }
                field.setLength(0);
                afterQuote = false;
                fieldStarted = false;
                if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') i++;
                i++;
                line++;
                recordLine = line;
            } else if (afterQuote) {
                return Result.failed("text after a closing quote", recordLine);
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
                fieldStarted = true;
                i++;
            } else {
                field.append(c);
                fieldStarted = true;
                i++;
            }
            if (field.length() > maxFieldLength) {
                return Result.failed("a field is longer than " + maxFieldLength + " characters", recordLine);
            }
        }
        return new Result(records, null, 0);
    }
}
