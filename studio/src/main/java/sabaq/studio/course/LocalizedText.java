package sabaq.studio.course;

/** A text in Kazakh and Russian (either may be empty where the field is optional). */
public record LocalizedText(String kk, String ru) {
    public static final LocalizedText EMPTY = new LocalizedText("", "");

    public LocalizedText {
        kk = kk == null ? "" : kk.strip();
        ru = ru == null ? "" : ru.strip();
    }

    /** The text in {@code lang}, else in the other language. */
    public String in(String lang) {
        if ("ru".equals(lang)) return ru.isEmpty() ? kk : ru;
        return kk.isEmpty() ? ru : kk;
    }
}
