package sabaq.launcher;

import com.typesafe.config.ConfigFactory;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import sabaq.common.test.Poll;
import sabaq.common.time.TimeSource;
import sabaq.launcher.SabaqMain.SabaqStack;
import sabaq.launcher.browser.ChromeBrowser;
import sabaq.launcher.browser.LessonPage;
import sabaq.media.netem.Impairment;
import sabaq.media.netem.NetworkNamespace;
import sabaq.media.netem.UdpImpairmentRelay;
import sabaq.media.room.Consumer;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Benchmark for BENCHMARKS.md (not part of CI; run with
 * {@code mvn -pl launcher test -Dtest=WeakLinkBenchmark -Dsurefire.excludedGroups= -Dgroups=benchmark}): a student
 * in a network namespace behind the impairment relay watches a simulcast teacher; the line drops from open to
 * 256 kbit/s with 5 % loss and 150 ms each way (300 ms RTT), holds, and recovers. Prints the time to adapt down and
 * up, the audio concealment ratio and the video freezes while impaired.
 */
@Tag("benchmark")
class WeakLinkBenchmark {

    @Test
    void adaptDownAndUp() throws Exception {
        ChromeBrowser.requireInstalled();
        List<ChromeBrowser> browsers = new ArrayList<>();
        int sfuPort;
        try (DatagramSocket s = new DatagramSocket(0)) {
            sfuPort = s.getLocalPort();
        }
        try (NetworkNamespace ns = NetworkNamespace.create();
             UdpImpairmentRelay relay = UdpImpairmentRelay.start(new InetSocketAddress(ns.hostIp(), 0),
                     new InetSocketAddress(InetAddress.getLoopbackAddress(), sfuPort), Impairment.NONE, Impairment.NONE, 3);
             SabaqStack stack = SabaqStack.start(ConfigFactory.parseString(
                     "sabaq.signalling.host = \"0.0.0.0\"\nsabaq.signalling.port = 0\nsabaq.recorder.enabled = false\nsabaq.media.port = " + sfuPort
                             + "\nsabaq.media.announced-addresses = [\"127.0.0.1\", \"" + ns.hostIp() + ":"
                             + relay.localAddress().getPort() + "\"]"), TimeSource.SYSTEM)) {
            int http = stack.httpPort();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + http + "/api/lessons")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Bench\",\"teacherName\":\"T\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonObject lesson = new JsonObject(r.body());
            ChromeBrowser tb = ChromeBrowser.launch("bench-teacher");
            browsers.add(tb);
            LessonPage teacher = new LessonPage(tb);
            teacher.open("http://127.0.0.1:" + http + "/lesson.html#token=" + lesson.getString("teacherToken"));
            String teacherId = teacher.awaitJoined(Duration.ofSeconds(30));
            ChromeBrowser sb = ChromeBrowser.launchIn(ns.execPrefix(), ns.namespaceIp(), ns.hostIp(),
                    "http://" + ns.hostIp() + ":" + http, "bench-student");
            browsers.add(sb);
            LessonPage student = new LessonPage(sb);
            student.open("http://" + ns.hostIp() + ":" + http + "/lesson.html?name=S#token=" + lesson.getString("studentToken"));
            String studentId = student.awaitJoined(Duration.ofSeconds(30));
            String lessonId = lesson.getString("lessonId");

            Poll.until(Duration.ofSeconds(60), Duration.ofMillis(250), () -> layer(stack, lessonId, studentId), l -> l >= 2,
                    "the student on the top layer before the drop");
            Impairment weak = Impairment.NONE.withDelay(150, 0).withLoss(0.05).withRate(256_000, 500);
            relay.set(UdpImpairmentRelay.Direction.TO_CLIENT, weak);
            relay.set(UdpImpairmentRelay.Direction.TO_SERVER, Impairment.NONE.withDelay(150, 0).withLoss(0.05));
            long dropAt = System.nanoTime();
            Poll.until(Duration.ofSeconds(30), Duration.ofMillis(50), () -> layer(stack, lessonId, studentId), l -> l <= 0,
                    "adapting down");
            long downMs = (System.nanoTime() - dropAt) / 1_000_000;

            // Hold the weak line, then measure 30 s of audio concealment and video freezes.
            Poll.until(Duration.ofSeconds(12), () -> System.nanoTime() - dropAt > 10_000_000_000L, "settling");
            double[] a0 = audio(student, teacherId);
            long f0 = freezes(student, teacherId);
            long frames0 = student.framesDecoded(teacherId, "camera");
            long holdStart = System.nanoTime();
            Poll.until(Duration.ofSeconds(35), () -> System.nanoTime() - holdStart > 30_000_000_000L, "the hold");
            double[] a1 = audio(student, teacherId);
            long f1 = freezes(student, teacherId);
            long frames1 = student.framesDecoded(teacherId, "camera");

            relay.setBoth(Impairment.NONE);
            long liftAt = System.nanoTime();
            Poll.until(Duration.ofSeconds(30), Duration.ofMillis(50), () -> layer(stack, lessonId, studentId), l -> l >= 1,
                    "adapting up");
            long upMs = (System.nanoTime() - liftAt) / 1_000_000;
            System.out.printf("%nWEAK LINK BENCHMARK: adapt down %d ms, adapt up %d ms; over 30 s at 256 kbit/s, 5 %% loss,"
                            + " 300 ms RTT: audio concealment %.2f %% (%.0f of %.0f samples), video freezes %d, frames %d%n",
                    downMs, upMs, 100 * (a1[0] - a0[0]) / (a1[1] - a0[1]), a1[0] - a0[0], a1[1] - a0[1], f1 - f0,
                    frames1 - frames0);
        } finally {
            for (ChromeBrowser b : browsers) b.close();
        }
    }

    private static int layer(SabaqStack stack, String lessonId, String peerId) {
        return stack.media().onMediaThread(() -> stack.media().room(lessonId).peers().stream()
                .filter(p -> p.id().equals(peerId)).flatMap(p -> p.consumers().stream())
                .filter(Consumer::isVideo).mapToInt(Consumer::maxLayer).max().orElse(-2)).join();
    }

    private static double[] audio(LessonPage p, String participantId) {
        for (Map<String, Object> s : p.audioStats()) {
            if (participantId.equals(s.get("participantId"))) {
                return new double[]{((Number) s.get("concealedSamples")).doubleValue(),
                        ((Number) s.get("totalSamplesReceived")).doubleValue()};
            }
        }
        return new double[]{0, 0};
    }

    private static long freezes(LessonPage p, String participantId) {
        Object v = p.browser().await("window.sabaq.pc().getStats().then(r => [...r.values()]"
                + ".filter(s => s.type === 'inbound-rtp' && s.kind === 'video').reduce((n, s) => n + (s.freezeCount || 0), 0))");
        return v instanceof Number ? ((Number) v).longValue() : -1;
    }
}
