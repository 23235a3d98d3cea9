package sabaq.studio.operation;

import sabaq.recorder.storage.ObjectStore;
import sabaq.recorder.storage.StorageException;
import sabaq.studio.StudioServices;
import sabaq.studio.course.MediaRef;
import sabaq.studio.encoding.EncodingProfile;
import sabaq.studio.error.OperationException;
import sabaq.studio.error.StudioError;
import sabaq.studio.media.FfmpegCommand;
import sabaq.studio.store.StoreFiles;
import sabaq.studio.workflow.Operation;
import sabaq.studio.workflow.StepContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code fetch}: copies every file of the lesson from object storage into the job's working directory. Uploaded
 * files come from the studio bucket; a Sabaq recording's 720p video and audio renditions (HLS) come from the
 * recorder's bucket and are joined without re-encoding (profile {@code remux}). A file that is not in storage — a
 * deleted upload, a missing intro — stops the job here with {@link StudioError#ASSET_MISSING} naming it.
 */
public final class FetchOperation implements Operation {
    @Override
    public String name() {
        return "fetch";
    }

    @Override
    public void run(StepContext ctx) throws OperationException {
        Map<String, MediaRef> assets = LessonAssets.of(ctx.lesson());
        int done = 0;
        for (Map.Entry<String, MediaRef> e : assets.entrySet()) {
            String asset = e.getKey();
            MediaRef ref = e.getValue();
            Path target;
            try {
                target = ref.isRecording() ? recording(ctx, asset, ref) : upload(ctx, asset, ref);
            } catch (StorageException ex) {
                throw new OperationException(StudioError.STORAGE_FAILED, Map.of("detail", ex.getMessage()), ex.getMessage(), ex);
            }
            ctx.output(asset, target);
            ctx.progress(++done / (double) assets.size());
        }
    }

    private static Path upload(StepContext ctx, String asset, MediaRef ref) throws StorageException, OperationException {
        Path target = ctx.outputDir().resolve(asset + extension(ref.key()));
        if (!StoreFiles.download(ctx.services().store(), ref.key(), target)) throw missing(asset, ref.key());
        return target;
    }

    /** The recording's 720p and audio playlists with their segments, remuxed into one Matroska file. */
    private static Path recording(StepContext ctx, String asset, MediaRef ref) throws StorageException, OperationException {
        StudioServices s = ctx.services();
        ObjectStore rec = s.recordings();
        String prefix = "recordings/" + ref.key() + "/hls/";
        Path dir = ctx.outputDir().resolve(asset + "-hls");
        for (String rendition : List.of("720p", "audio")) {
            Path playlist = dir.resolve(rendition).resolve("index.m3u8");
            if (!StoreFiles.download(rec, prefix + rendition + "/index.m3u8", playlist)) throw missing(asset, prefix + rendition);
            try {
                for (String line : Files.readAllLines(playlist, StandardCharsets.UTF_8)) {
                    String seg = line.strip();
                    if (seg.isEmpty() || seg.startsWith("#")) continue;
                    if (!seg.matches("[A-Za-z0-9_.-]{1,64}")) throw missing(asset, prefix + rendition + "/" + seg);
                    if (!StoreFiles.download(rec, prefix + rendition + "/" + seg, dir.resolve(rendition).resolve(seg))) {
                        throw missing(asset, prefix + rendition + "/" + seg);
                    }
                    if (ctx.cancellation().cancelled()) throw new OperationException(StudioError.CANCELLED, Map.of(), "fetch cancelled");
                }
            } catch (IOException e) {
                throw new StorageException("cannot read " + playlist + ": " + e.getMessage(), e);
            }
        }
        Path out = ctx.outputDir().resolve(asset + ".mkv");
        EncodingProfile remux = s.profiles().get("remux");
        FfmpegCommand cmd = new FfmpegCommand(s.tools(), "fetch " + asset);
        cmd.input(dir.resolve("720p").resolve("index.m3u8").toString(), List.of());
        cmd.input(dir.resolve("audio").resolve("index.m3u8").toString(), List.of());
        cmd.output(out.toString(), remux.arguments("output", s.profiles().parameters("remux", ctx.with(), Map.of())));
        cmd.run(0, f -> { }, ctx.cancellation());
        return out;
    }

    private static OperationException missing(String asset, String key) {
        return new OperationException(StudioError.ASSET_MISSING, Map.of("asset", asset), "not in storage: " + key);
    }

    private static String extension(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot).toLowerCase(Locale.ROOT) : "";
        return ext.matches("\\.[a-z0-9]{1,5}") ? ext : ".bin";
    }
}
