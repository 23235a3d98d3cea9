package sabaq.studio.media;

import com.github.kokorin.jaffree.LogLevel;
import com.github.kokorin.jaffree.ffmpeg.FFmpeg;
import com.github.kokorin.jaffree.ffmpeg.FFmpegResultFuture;
import com.github.kokorin.jaffree.ffmpeg.UrlInput;
import com.github.kokorin.jaffree.ffmpeg.UrlOutput;
import sabaq.recorder.ffmpeg.FfmpegTools;
import sabaq.studio.error.OperationException;
import sabaq.studio.error.StudioError;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * One FFmpeg run through Jaffree, assembled from argument lists that come from encoding profiles: inputs (each with
 * its own arguments), an optional {@code -filter_complex} graph and outputs. The run reports progress as a fraction of
 * the expected output duration, stops FFmpeg at once when cancelled, and on failure raises
 * {@link StudioError#PROCESSING_FAILED} with FFmpeg's last error lines.
 */
public final class FfmpegCommand {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FfmpegCommand.class);
    private static final int KEPT_LINES = 12;

    private final FfmpegTools tools;
    private final String context;
    private final List<Io> inputs = new ArrayList<>();
    private final List<Io> outputs = new ArrayList<>();
    private String graph;
    private LogLevel logLevel = LogLevel.ERROR;
    private Consumer<String> lineListener = line -> { };

    private record Io(String url, List<String> args) {
    }

    public FfmpegCommand(FfmpegTools tools, String context) {
        this.tools = tools;
        this.context = context;
    }

    /** Adds an input; {@code args} go before its {@code -i}. Returns its input index. */
    public int input(String url, List<String> args) {
        inputs.add(new Io(url, List.copyOf(args)));
        return inputs.size() - 1;
    }

    public FfmpegCommand filterGraph(String complexFilter) {
        this.graph = complexFilter;
        return this;
    }

    /** Adds an output; {@code args} (maps, codecs, format) go before its URL. */
    public FfmpegCommand output(String url, List<String> args) {
        outputs.add(new Io(url, List.copyOf(args)));
        return this;
    }

    /** Log level and a listener for every line FFmpeg writes to stderr (e.g. the loudnorm measurement). */
    public FfmpegCommand listen(LogLevel level, Consumer<String> listener) {
        this.logLevel = level;
        this.lineListener = listener;
        return this;
    }

    /** The arguments as FFmpeg gets them (without Jaffree's own progress and log options), for logs and tests. */
    public List<String> describe() {
        List<String> a = new ArrayList<>();
        for (Io in : inputs) {
            a.addAll(in.args());
            a.add("-i");
            a.add(in.url());
        }
        if (graph != null) {
            a.add("-filter_complex");
            a.add(graph);
        }
        for (Io out : outputs) {
            a.addAll(out.args());
            a.add(out.url());
        }
        return a;
    }

    /**
     * Runs FFmpeg to the end.
     *
     * @param expectedSeconds duration of the output, for progress (0: no progress reports)
     * @throws OperationException PROCESSING_FAILED, or CANCELLED when {@code cancel} said so
     */
    public void run(double expectedSeconds, DoubleConsumer progress, Cancellation cancel) throws OperationException {
        Deque<String> lastLines = new ArrayDeque<>();
        FFmpeg ff = tools.ffmpeg().setLogLevel(logLevel).setOverwriteOutput(true).setContextName(context)
                .addArgument("-nostdin")
                .setOutputListener(message -> {
                    // Jaffree groups a log message with its continuation lines (e.g. loudnorm's JSON block).
                    for (String line : message.split("\n")) {
                        synchronized (lastLines) {
                            if (lastLines.size() == KEPT_LINES) lastLines.removeFirst();
                            lastLines.addLast(line);
                        }
                        lineListener.accept(line);
                    }
                });
        for (Io in : inputs) {
            UrlInput u = UrlInput.fromUrl(in.url());
            for (String a : in.args()) u.addArgument(a);
            ff.addInput(u);
        }
        if (graph != null) ff.setComplexFilter(graph);
        for (Io out : outputs) {
            UrlOutput u = UrlOutput.toUrl(out.url());
            for (String a : out.args()) u.addArgument(a);
            ff.addOutput(u);
        }
        long expectedMillis = Math.round(expectedSeconds * 1000);
        ff.setProgressListener(p -> {
            Long t = p.getTimeMillis();
            if (expectedMillis > 0 && t != null && t >= 0) progress.accept(Math.min(1.0, t / (double) expectedMillis));
        });
        if (LOG.isDebugEnabled()) LOG.debug("{}: ffmpeg {}", context, String.join(" ", describe()));
        FFmpegResultFuture future = ff.executeAsync();
        try {
            while (true) {
                if (cancel.cancelled()) {
                    future.forceStop();
                    throw new OperationException(StudioError.CANCELLED, Map.of(), context + " stopped");
                }
                try {
                    future.get(200, TimeUnit.MILLISECONDS);
                    return;
                } catch (TimeoutException e) {
                    // still running: look at the cancellation again
                }
            }
        } catch (InterruptedException e) {
            future.forceStop();
            Thread.currentThread().interrupt();
            throw new OperationException(StudioError.CANCELLED, Map.of(), context + " interrupted");
        } catch (ExecutionException e) {
            String detail;
            synchronized (lastLines) {
                detail = String.join(" | ", lastLines);
            }
            if (detail.isEmpty()) detail = String.valueOf(e.getCause());
            throw new OperationException(StudioError.PROCESSING_FAILED, Map.of("detail", shorten(detail)),
                    context + ": " + detail, e.getCause());
        }
    }

    private static String shorten(String s) {
        return s.length() <= 400 ? s : s.substring(s.length() - 400);
    }
}
