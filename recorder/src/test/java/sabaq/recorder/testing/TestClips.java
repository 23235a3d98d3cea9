package sabaq.recorder.testing;

import com.github.kokorin.jaffree.LogLevel;
import com.github.kokorin.jaffree.ffmpeg.UrlInput;
import com.github.kokorin.jaffree.ffmpeg.UrlOutput;
import sabaq.recorder.media.MediaFrame;
import sabaq.recorder.media.OpusPacket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Real coded media for tests, made with FFmpeg from its lavfi test sources: VP8 in IVF and Opus in Ogg, read back
 * into {@link MediaFrame}s with RTP-style timestamps (90 kHz video, 48 kHz audio).
 */
public final class TestClips {
    private TestClips() {
    }

    /** VP8 frames of {@code seconds} of testsrc2 at {@code width}x{@code height}, {@code fps}, a key frame every {@code gop} frames. */
    public static List<MediaFrame> vp8(Path dir, int width, int height, int fps, double seconds, int gop) throws IOException {
        Path out = dir.resolve("clip-" + width + "x" + height + "-" + fps + "-" + seconds + "-" + gop + ".ivf");
        if (!Files.exists(out)) {
            RequireFfmpeg.tools().ffmpeg().setLogLevel(LogLevel.ERROR).setOverwriteOutput(true)
                    .addInput(UrlInput.fromUrl("testsrc2=size=" + width + "x" + height + ":rate=" + fps)
                            .setFormat("lavfi").setDuration((long) (seconds * 1000)))
                    .addOutput(UrlOutput.toPath(out).setFormat("ivf").setCodec("v", "libvpx")
                            .addArguments("-g", String.valueOf(gop)).addArguments("-keyint_min", String.valueOf(gop))
                            .addArguments("-b:v", "200k").addArguments("-deadline", "realtime")
                            .addArguments("-cpu-used", "8"))
                    .execute();
        }
        return readIvf(out, fps);
    }

    /** Opus packets (20 ms) of {@code seconds} of a sine tone. */
    public static List<MediaFrame> opus(Path dir, double seconds) throws IOException {
        Path out = dir.resolve("tone-" + seconds + ".ogg");
        if (!Files.exists(out)) {
            RequireFfmpeg.tools().ffmpeg().setLogLevel(LogLevel.ERROR).setOverwriteOutput(true)
                    .addInput(UrlInput.fromUrl("sine=frequency=440:sample_rate=48000").setFormat("lavfi")
                            .setDuration((long) (seconds * 1000)))
                    .addOutput(UrlOutput.toPath(out).setFormat("ogg").setCodec("a", "libopus")
                            .addArguments("-b:a", "32k").addArguments("-frame_duration", "20")
                            .addArguments("-ac", "2"))
                    .execute();
        }
        return readOggOpus(out);
    }

    static List<MediaFrame> readIvf(Path file, int fps) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        b.position(32);
        List<MediaFrame> frames = new ArrayList<>();
        int index = 0;
        while (b.remaining() >= 12) {
            int size = b.getInt();
            b.getLong();
            byte[] data = new byte[size];
            b.get(data);
            boolean key = (data[0] & 1) == 0;
            int w = key ? ((data[6] & 0xFF) | (data[7] & 0xFF) << 8) & 0x3FFF : 0;
            int h = key ? ((data[8] & 0xFF) | (data[9] & 0xFF) << 8) & 0x3FFF : 0;
            frames.add(new MediaFrame(1000L + (long) index * 90_000 / fps, key, data, w, h, 0));
            index++;
        }
        return frames;
    }

    static List<MediaFrame> readOggOpus(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        List<byte[]> packets = new ArrayList<>();
        java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();
        int p = 0;
        while (p + 27 <= all.length) {
            int segments = all[p + 26] & 0xFF;
            int data = p + 27 + segments;
            for (int i = 0; i < segments; i++) {
                int lace = all[p + 27 + i] & 0xFF;
                pending.write(all, data, lace);
                data += lace;
                if (lace < 255) {
                    packets.add(pending.toByteArray());
                    pending.reset();
                }
            }
            p = data;
        }
        List<MediaFrame> frames = new ArrayList<>();
        long ts = 5000;
        for (byte[] pk : packets.subList(2, packets.size())) {
            int samples = OpusPacket.samples(pk, 0, pk.length);
            frames.add(new MediaFrame(ts, true, Arrays.copyOf(pk, pk.length), 0, 0, samples));
            ts += samples;
        }
        return frames;
    }
}
