package sabaq.studio.cli;

import sabaq.studio.error.Messages;
import sabaq.studio.job.JobRecord;
import sabaq.studio.job.StepRecord;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * The command line's progress bar for a job: {@code [##########..........]  50 %  Video for the web (l1)  ~1:23}.
 * On a terminal it redraws one line; otherwise (logs, CI) it prints a line whenever the step changes or another
 * 10 % is done.
 */
final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final String lang;
    private String lastStep = "";
    private int lastTenth = -1;
    private int lastLength;

    ProgressBar(PrintStream out, boolean terminal, String lang) {
        this.out = out;
        this.terminal = terminal;
        this.lang = lang;
    }

    synchronized void show(JobRecord job) {
        int percent = (int) Math.floor(job.progress() * 100);
        StepRecord s = job.currentStep();
        String step = s == null ? Messages.text(lang, "studio.state." + job.state().name().toLowerCase(Locale.ROOT), Map.of())
                : Messages.text(lang, "studio.step." + s.stepId(), Map.of()) + (s.lessonId() == null ? "" : " (" + s.lessonId() + ")");
        String line = render(percent, step, job.etaSeconds());
        if (terminal) {
            String padded = line + " ".repeat(Math.max(0, lastLength - line.length()));
            out.print("\r" + padded);
            lastLength = line.length();
            out.flush();
        } else if (!step.equals(lastStep) || percent / 10 != lastTenth) {
            out.println(line);
        }
        lastStep = step;
        lastTenth = percent / 10;
    }

    synchronized void done() {
        if (terminal) out.println();
    }

    String render(int percent, String step, Double eta) {
        int filled = Math.max(0, Math.min(WIDTH, percent * WIDTH / 100));
        StringBuilder b = new StringBuilder("[");
        b.append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
        b.append(String.format(Locale.ROOT, "%3d %%  ", percent)).append(step);
        if (eta != null && eta >= 0) b.append("  ").append(Messages.text(lang, "studio.cli.eta", Map.of("eta", clock(eta))));
        return b.toString();
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
