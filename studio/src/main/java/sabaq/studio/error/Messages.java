package sabaq.studio.error;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The studio's message texts in Kazakh, Russian and English ({@code studio-messages_<lang>.properties}, UTF-8) for
 * the command line and logs. Arguments named {@code asset} are themselves translated ({@code studio.asset.<name>}).
 */
public final class Messages {
    public static final List<String> LANGUAGES = List.of("kk", "ru", "en");
    private static final Map<String, Properties> BUNDLES = new ConcurrentHashMap<>();

    private Messages() {
    }

    /** The bundle of a language (kk, ru or en; anything else gives English). */
    public static Properties bundle(String lang) {
        String l = LANGUAGES.contains(lang) ? lang : "en";
        return BUNDLES.computeIfAbsent(l, Messages::load);
    }

    /** A text by key with {name} arguments filled; the key itself when there is no text. */
    public static String text(String lang, String key, Map<String, String> args) {
        Properties p = bundle(lang);
        String template = p.getProperty(key, key);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close > i) {
                String name = template.substring(i + 1, close);
                String v = args.get(name);
                if (v != null && "asset".equals(name)) v = p.getProperty("studio.asset." + v, v);
                out.append(v != null ? v : template, v != null ? 0 : i, v != null ? v.length() : close + 1);
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The localized text of an error. */
    public static String error(String lang, StudioError code, Map<String, String> args) {
        return text(lang, code.key(), args);
    }

    /** The language of the user's locale when it is one of ours, else English. */
    public static String defaultLanguage() {
        String l = Locale.getDefault().getLanguage();
        return LANGUAGES.contains(l) ? l : "en";
    }

    private static Properties load(String lang) {
        Properties p = new Properties();
        String name = "sabaq/studio/studio-messages_" + lang + ".properties";
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing " + name);
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
        return p;
    }
}
