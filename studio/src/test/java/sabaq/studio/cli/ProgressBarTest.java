package sabaq.studio.cli;

import org.junit.jupiter.api.Test;
import sabaq.studio.job.JobRecord;
import sabaq.studio.job.JobState;
import sabaq.studio.job.StepRecord;
import sabaq.studio.job.StepState;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressBarTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void rendersFilledShareOfThirtyCellsPercentStepAndTimeLeft() {
        ProgressBar bar = new ProgressBar(out, false, "en");
        assertEquals("[..............................]   0 %  Fetching the files  about 4:02 left", bar.render(0, "Fetching the files", 242.0));
        assertEquals("[###############...............]  50 %  Loudness  about 0:07 left", bar.render(50, "Loudness", 7.4));
        assertEquals("[##############################] 100 %  done", bar.render(100, "done", null));
        assertEquals("[#########.....................]  33 %  x  about 1:00:05 left", bar.render(33, "x", 3605.0));
    }

    @Test
    void outOfRangePercentAndNegativeEtaStayInsideTheBar() {
        ProgressBar bar = new ProgressBar(out, false, "en");
        assertTrue(bar.render(140, "s", -3.0).startsWith("[##############################] 140 %  s"));
        assertFalse(bar.render(140, "s", -3.0).contains("left"));
        assertTrue(bar.render(-5, "s", null).startsWith("[..............................]"));
    }

    @Test
    void etaIsInTheChosenLanguage() {
        assertTrue(new ProgressBar(out, false, "kk").render(10, "s", 65.0).endsWith("шамамен 1:05 қалды"));
        assertTrue(new ProgressBar(out, false, "ru").render(10, "s", 65.0).endsWith("осталось около 1:05"));
    }

    @Test
    void inALogItPrintsALineOnEachNewStepOrTenPercent() {
        ProgressBar bar = new ProgressBar(out, false, "en");
        bar.show(job(0.01, "fetch", 100.0));
        bar.show(job(0.05, "fetch", 90.0));
        bar.show(job(0.08, "inspect", 80.0));
        bar.show(job(0.12, "inspect", 70.0));
        bar.show(job(0.15, "inspect", 60.0));
        bar.done();
        List<String> lines = text().lines().toList();
        assertEquals(3, lines.size(), text());
        assertTrue(lines.get(0).contains("  1 %  Fetching the files (l1)  about 1:40 left"), lines.get(0));
        assertTrue(lines.get(1).contains("  8 %  Checking the files (l1)"), lines.get(1));
        assertTrue(lines.get(2).contains(" 12 %  Checking the files (l1)  about 1:10 left"), lines.get(2));
    }

    @Test
    void onATerminalItRedrawsOneLineAndBlanksWhatALongerLineLeft() {
        ProgressBar bar = new ProgressBar(out, true, "en");
        bar.show(job(0.10, "audio-description", 600.0));
        bar.show(job(0.20, "hls", 5.0));
        bar.done();
        String t = text();
        String[] redraws = t.split("\r", -1);
        assertEquals(3, redraws.length, t);
        assertTrue(redraws[2].startsWith("[######........................]  20 %  Video for the web (l1)  about 0:05 left"), redraws[2]);
        assertTrue(redraws[1].length() > redraws[2].stripTrailing().length(), "the second line is the shorter one");
        assertEquals(redraws[1].length(), redraws[2].length() - 1, "the shorter line is padded over the longer one");
        assertTrue(t.endsWith("\n"));
    }

    @Test
    void aJobBetweenStepsShowsItsState() {
        ProgressBar bar = new ProgressBar(out, false, "ru");
        JobRecord queued = new JobRecord("j", "publish-course", null, JobState.QUEUED, 1, 0, 0, 0,
                List.of(StepRecord.pending("l1", "fetch", "fetch", 0.1)), 0, null, null);
        bar.show(queued);
        assertTrue(text().contains("  0 %  в очереди"), text());
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static JobRecord job(double progress, String runningStep, Double eta) {
        StepRecord s = new StepRecord("l1", runningStep, runningStep, StepState.RUNNING, 0.1, Map.of(), 1, 0);
        return new JobRecord("j", "publish-course", null, JobState.RUNNING, 1, 0, 1, 0, List.of(s), progress, eta, null);
    }
}
