package sabaq.media.sdp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The lines of an answer, split into the session part and the m-sections, for assertions in tests. */
final class AnswerText {
    final List<String> session = new ArrayList<>();
    final List<List<String>> sections = new ArrayList<>();

    AnswerText(String sdp) {
        if (!sdp.endsWith("\r\n") || sdp.replace("\r\n", "").contains("\n") || sdp.replace("\r\n", "").contains("\r")) {
            throw new AssertionError("answer lines must all end with CRLF:\n" + sdp);
        }
        for (String line : Arrays.asList(sdp.split("\r\n"))) {
            if (line.startsWith("m=")) {
                sections.add(new ArrayList<>());
            }
            (sections.isEmpty() ? session : sections.get(sections.size() - 1)).add(line);
        }
    }

    List<String> section(int index) {
        return sections.get(index);
    }

    /** The lines of a section starting with a prefix, in order. */
    List<String> linesStartingWith(int index, String prefix) {
        List<String> out = new ArrayList<>();
        for (String line : sections.get(index)) {
            if (line.startsWith(prefix)) {
                out.add(line);
            }
        }
        return out;
    }
}
