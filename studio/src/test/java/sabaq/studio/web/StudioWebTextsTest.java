package sabaq.studio.web;

import org.junit.jupiter.api.Test;
import sabaq.studio.error.Messages;
import sabaq.studio.error.StudioError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The studio pages' dictionaries (studio-web/js/lang/studio-{kk,ru,en}.js) agree with each other and with the
 * command line's texts (studio-messages_*.properties: the error, step, state and asset keys, '-' written '_'), every
 * studio error has a text, and every key the studio pages use literally exists.
 */
class StudioWebTextsTest {
    private static final Path WEB = Path.of("src/main/resources/studio-web");
    private static final Path CLIENT_EN = Path.of("../signalling/src/main/resources/webroot/js/lang/en.js");
    private static final Pattern LINE = Pattern.compile("^ {2}'([\\w.]+)': '((?:[^'\\\\]|\\\\.)*)',$", Pattern.MULTILINE);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    static Map<String, String> dictionary(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = LINE.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) out.put(m.group(1), m.group(2).replace("\\'", "'"));
        return out;
    }

    private static TreeSet<String> placeholders(String text) {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void theThreeLanguagesHaveTheSameKeysAndPlaceholders() throws IOException {
        Map<String, String> en = dictionary(WEB.resolve("js/lang/studio-en.js"));
        assertTrue(en.size() > 80, "keys: " + en.size());
        for (String lang : List.of("kk", "ru")) {
            Map<String, String> d = dictionary(WEB.resolve("js/lang/studio-" + lang + ".js"));
            assertEquals(new TreeSet<>(en.keySet()), new TreeSet<>(d.keySet()), lang);
            for (Map.Entry<String, String> e : en.entrySet()) {
                String text = d.get(e.getKey());
                assertFalse(text.isBlank(), lang + " " + e.getKey());
                assertEquals(placeholders(e.getValue()), placeholders(text), lang + " " + e.getKey());
                assertTrue(text.matches("(?s).*[\\u0400-\\u04FF].*") || !text.matches("(?s).*[A-Za-z].*"),
                        lang + " " + e.getKey() + " is not Cyrillic: " + text);
            }
        }
    }

    @Test
    void theWebTextsAreTheCommandLineTextsForErrorsStepsStatesAndAssets() throws IOException {
        for (String lang : Messages.LANGUAGES) {
            Map<String, String> web = dictionary(WEB.resolve("js/lang/studio-" + lang + ".js"));
            Properties cli = Messages.bundle(lang);
            for (String key : cli.stringPropertyNames()) {
                if (key.startsWith("studio.cli.")) continue;
                assertEquals(cli.getProperty(key), web.get(key.replace('-', '_')), lang + " " + key);
            }
            for (StudioError e : StudioError.values()) assertTrue(web.containsKey(e.key()), lang + " " + e.key());
        }
    }

    @Test
    void everyKeyThePagesUseExists() throws IOException {
        Map<String, String> known = new LinkedHashMap<>(dictionary(WEB.resolve("js/lang/studio-en.js")));
        known.putAll(dictionary(CLIENT_EN));
        List<String> used = new ArrayList<>();
        try (Stream<Path> files = Files.walk(WEB)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html") || (p.toString().endsWith(".js") && !p.toString().contains("/lang/"))).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                collect(used, Pattern.compile("data-i18n=\"([\\w.]+)\""), text);
                collect(used, Pattern.compile("\\bt\\('([a-z]+\\.[\\w.]+)'"), text);
            }
        }
        assertTrue(used.size() > 40, "keys found: " + used.size());
        for (String key : used) assertTrue(known.containsKey(key), "missing text for " + key);
    }

    private static void collect(List<String> out, Pattern p, String text) {
        Matcher m = p.matcher(text);
        while (m.find()) out.add(m.group(1));
    }
}
