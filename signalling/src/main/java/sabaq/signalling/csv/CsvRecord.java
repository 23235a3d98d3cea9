package sabaq.signalling.csv;

import java.util.List;

/** One record of a CSV file: the line it starts on (1-based; the header is line 1) and its fields. */
public record CsvRecord(int line, List<String> fields) {
    public CsvRecord {
        fields = List.copyOf(fields);
    }
}
