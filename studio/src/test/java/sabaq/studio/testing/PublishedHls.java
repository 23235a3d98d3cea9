package sabaq.studio.testing;

import sabaq.recorder.storage.ObjectStore;
import sabaq.studio.store.StoreFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads a published lesson's HLS tree from the object store by following its master playlist: every playlist it
 * names (variants, audio and subtitle renditions) and every segment those name. Fails when any of them is missing,
 * so a complete download means a complete publication.
 */
public final class PublishedHls {
    private static final Pattern URI = Pattern.compile("URI=\"([^\"]+)\"");

    /** The master playlist and the rendition playlists, as local files. */
    public record Tree(Path master, List<Path> playlists, int segments) {
    }

    private PublishedHls() {
    }

    public static Tree download(ObjectStore store, String keyPrefix, Path dir) throws Exception {
        Path master = fetch(store, keyPrefix, "master.m3u8", dir);
        Set<String> uris = new LinkedHashSet<>();
        for (String line : Files.readAllLines(master)) {
            Matcher m = URI.matcher(line);
            if (m.find()) uris.add(m.group(1));
            else if (!line.isBlank() && !line.startsWith("#")) uris.add(line.strip());
        }
        List<Path> playlists = new ArrayList<>();
        int segments = 0;
        for (String uri : uris) {
            Path pl = fetch(store, keyPrefix, uri, dir);
            if (!Files.readString(pl).contains("#EXT-X-ENDLIST")) throw new AssertionError(uri + " is not a finished playlist");
            playlists.add(pl);
            String base = uri.contains("/") ? uri.substring(0, uri.lastIndexOf('/') + 1) : "";
            for (String line : Files.readAllLines(pl)) {
                if (line.isBlank() || line.startsWith("#")) continue;
                Path seg = fetch(store, keyPrefix, base + line.strip(), dir);
                if (Files.size(seg) == 0) throw new AssertionError("empty segment " + base + line);
                segments++;
            }
        }
        return new Tree(master, playlists, segments);
    }

    private static Path fetch(ObjectStore store, String keyPrefix, String rel, Path dir) throws Exception {
        Path target = dir.resolve(rel);
        if (!StoreFiles.download(store, keyPrefix + rel, target)) throw new AssertionError("not stored: " + keyPrefix + rel);
        return target;
    }
}
