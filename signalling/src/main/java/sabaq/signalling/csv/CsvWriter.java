package sabaq.signalling.csv;

import java.util.List;

/**
 * Writes RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote, line break or leading/trailing
 * space. A field that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) is prefixed with an
 * apostrophe (OWASP "CSV injection"). Files start with a UTF-8 byte order mark so spreadsheets read Cyrillic right.
 */
public final class CsvWriter {
    public static final String BOM = "\uFEFF";
    private final StringBuilder out = new StringBuilder(BOM);

    public CsvWriter row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) out.append(',');
            Object f = fields.get(i);
            out.append(field(f == null ? "" : f.toString()));
        }
        out.append("\r\n");
        return this;
    }

    static String field(String s) {
        String v = s;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || (!v.isEmpty() && (v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' '));
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
