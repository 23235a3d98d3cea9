package sabaq.launcher;

import org.junit.jupiter.api.extension.ExtendWith;
import sabaq.common.cassandra.CassandraExtension;
import com.typesafe.config.ConfigFactory;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
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

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 4 acceptance: students on impaired links that the test builds itself — browsers in network namespaces,
 * reaching the SFU through the userspace impairment relay (delay, loss, rate cap) or over ICE-TCP when UDP is
 * blocked — while the teacher and an unconstrained student stay on loopback.
 */
@ExtendWith(CassandraExtension.class)
@Tag("browser")
class WeakConnectionBrowserTest {
    private static final Duration JOIN = Duration.ofSeconds(30);
    private static final Duration MEDIA = Duration.ofSeconds(45);

    private static NetworkNamespace weakNs;
    private static NetworkNamespace cutNs;
    private static NetworkNamespace tcpNs;
    private static UdpImpairmentRelay relay;
    private static SabaqStack stack;
    private static int httpPort;
    private static final List<ChromeBrowser> browsers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        ChromeBrowser.requireInstalled();
        weakNs = NetworkNamespace.create();
        cutNs = NetworkNamespace.create();
        tcpNs = NetworkNamespace.create();
        int sfuPort = freeUdpPort();
        relay = UdpImpairmentRelay.start(new InetSocketAddress(weakNs.hostIp(), 0),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), sfuPort), Impairment.NONE, Impairment.NONE, 11);
        String announced = "[\"127.0.0.1\", \"" + weakNs.hostIp() + ":" + relay.localAddress().getPort() + "\", \""
                + cutNs.hostIp() + "\", \"" + tcpNs.hostIp() + "\"]";
        stack = SabaqStack.start(ConfigFactory.parseString(
                "sabaq.signalling.host = \"0.0.0.0\"\nsabaq.signalling.port = 0\nsabaq.recorder.enabled = false\n"
                        + "sabaq.media.bind-host = \"0.0.0.0\"\nsabaq.media.port = " + sfuPort + "\n"
                        + "sabaq.media.announced-addresses = " + announced + "\n"
                        + "sabaq.media.tcp.bind-host = \"0.0.0.0\"\nsabaq.media.tcp.port = 0\n"
                        + "sabaq.signalling.tls.enabled = false\n" + E2eStore.config()), TimeSource.SYSTEM);
        httpPort = stack.httpPort();
    }

    /** Browsers of a finished test would keep publishing and decoding, loading the 2-core machine for the next. */
    @AfterEach
    void closeBrowsers() {
        for (ChromeBrowser b : browsers) b.close();
        browsers.clear();
    }

    @AfterAll
    static void stop() {
        for (ChromeBrowser b : browsers) b.close();
        if (stack != null) stack.close();
        if (relay != null) relay.close();
        for (NetworkNamespace ns : new NetworkNamespace[]{weakNs, cutNs, tcpNs}) if (ns != null) ns.close();
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static JsonObject createLesson(String title) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + httpPort + "/api/lessons"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("title", title).put("teacherName", "Мұғалім").encode()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return new JsonObject(r.body());
    }

    private static String url(String host, String token, String name) {
        return "http://" + host + ":" + httpPort + "/lesson.html?lang=ru"
                + (name == null ? "" : "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)) + "#token=" + token;
    }

    private static LessonPage local(String name) {
        ChromeBrowser b = ChromeBrowser.launch(name);
        browsers.add(b);
        return new LessonPage(b);
    }

    private static LessonPage inNamespace(NetworkNamespace ns, String name) {
        ChromeBrowser b = ChromeBrowser.launchIn(ns.execPrefix(), ns.namespaceIp(), ns.hostIp(),
                "http://" + ns.hostIp() + ":" + httpPort, name);
        browsers.add(b);
        return new LessonPage(b);
    }

    private static String startTeacher(JsonObject lesson, LessonPage teacher) {
        teacher.open(url("127.0.0.1", lesson.getString("teacherToken"), null));
        return teacher.awaitJoined(JOIN);
    }

    private static double concealedRatio(LessonPage p, String participantId) {
        for (Map<String, Object> s : p.audioStats()) {
            if (!participantId.equals(s.get("participantId"))) continue;
            double concealed = ((Number) s.getOrDefault("concealedSamples", 0)).doubleValue();
            double total = ((Number) s.getOrDefault("totalSamplesReceived", 0)).doubleValue();
            return total == 0 ? Double.NaN : concealed / total;
        }
        return Double.NaN;
    }

    private static double[] audioCounters(LessonPage p, String participantId) {
        for (Map<String, Object> s : p.audioStats()) {
            if (!participantId.equals(s.get("participantId"))) continue;
            return new double[]{((Number) s.getOrDefault("concealedSamples", 0)).doubleValue(),
                    ((Number) s.getOrDefault("totalSamplesReceived", 0)).doubleValue()};
        }
        return new double[]{0, 0};
    }

    @Test
    void aThinLossyLineGetsTheLowLayerAndRecoversWhenLifted() throws Exception {
        JsonObject lesson = createLesson("Simulcast");
        LessonPage teacher = local("teacher-simulcast");
        String teacherId = startTeacher(lesson, teacher);
        LessonPage a = local("student-a");
        a.open(url("127.0.0.1", lesson.getString("studentToken"), "A"));
        a.awaitJoined(JOIN);

        relay.set(UdpImpairmentRelay.Direction.TO_CLIENT,
                Impairment.NONE.withDelay(150, 0).withLoss(0.05).withRate(300_000, 500));
        relay.set(UdpImpairmentRelay.Direction.TO_SERVER, Impairment.NONE.withDelay(150, 0).withLoss(0.05));
        LessonPage b = inNamespace(weakNs, "student-b");
        b.open(url(weakNs.hostIp(), lesson.getString("studentToken"), "B"));
        b.awaitJoined(JOIN);

        Poll.until(MEDIA, Duration.ofMillis(500), () -> a.frameWidth(teacherId, "camera"), w -> w >= 640,
                "A (unconstrained) to decode the top layer");
        b.awaitVideoDecoding(teacherId, "camera", MEDIA);
        Poll.until(MEDIA, Duration.ofMillis(500), () -> b.frameWidth(teacherId, "camera"), w -> w > 0 && w <= 320,
                "B (300 kbit/s, 5 % loss, 150 ms) to settle on the low layer");
        b.awaitVideoDecoding(teacherId, "camera", MEDIA);
        b.awaitAudioFlowing(teacherId, MEDIA);

        // Audio over the lossy line: measure concealment over a window once B has settled.
        double[] before = audioCounters(b, teacherId);
        long framesBefore = b.framesDecoded(teacherId, "camera");
        long windowEnd = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Poll.until(Duration.ofSeconds(20), () -> System.nanoTime() >= windowEnd, "the measuring window");
        double[] after = audioCounters(b, teacherId);
        double ratio = (after[0] - before[0]) / Math.max(1, after[1] - before[1]);
        assertTrue(after[1] - before[1] > 48_000 * 10, "B played audio through the window: " + (after[1] - before[1]));
        Object codec = b.browser().await("window.sabaq.pc().getStats().then(r => { const all = [...r.values()];"
                + " const a = all.find(x => x.type === 'inbound-rtp' && x.kind === 'audio');"
                + " const c = a && all.find(x => x.id === a.codecId); return c ? c.mimeType : null; })");
        System.out.printf("B's audio: %s, concealment %.4f over 15 s%n", codec, ratio);
        assertTrue(ratio < 0.05, "B's audio concealment over 15 s was " + ratio + " (codec " + codec + ")");
        assertTrue(b.frameWidth(teacherId, "camera") <= 320, "B still on the low layer");
        assertTrue(b.framesDecoded(teacherId, "camera") > framesBefore + 30, "B kept decoding video");
        assertTrue(a.frameWidth(teacherId, "camera") >= 640, "A is unaffected by B");
        a.awaitVideoDecoding(teacherId, "camera", MEDIA);

        relay.setBoth(Impairment.NONE);
        long lifted = System.nanoTime();
        Poll.until(Duration.ofSeconds(15), Duration.ofMillis(250), () -> b.frameWidth(teacherId, "camera"), w -> w > 320,
                "B to move to a higher layer within 15 s of the limit being lifted");
        System.out.printf("B moved up %d ms after the limit was lifted%n", (System.nanoTime() - lifted) / 1_000_000);
    }

    @Test
    void anAudioOnlyStudentGetsNoVideoRtpAndKeepsAudio() throws Exception {
        JsonObject lesson = createLesson("Audio only");
        LessonPage teacher = local("teacher-audio");
        String teacherId = startTeacher(lesson, teacher);
        LessonPage s = local("student-audio-only");
        s.open(url("127.0.0.1", lesson.getString("studentToken"), "Audio"));
        String id = s.awaitJoined(JOIN);
        s.awaitVideoDecoding(teacherId, "camera", MEDIA);

        assertEquals(Boolean.TRUE, s.call("setAudioOnly(true)"), "the server accepted audio only");
        String lessonId = lesson.getString("lessonId");
        // Give the allocator one round, then nothing more may go out as video.
        long settleUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        Poll.until(Duration.ofSeconds(3), () -> System.nanoTime() >= settleUntil, "one allocation round");
        long video0 = sentToPeer(lessonId, id, true);
        long audio0 = sentToPeer(lessonId, id, false);
        long windowEnd = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        Poll.until(Duration.ofSeconds(8), () -> System.nanoTime() >= windowEnd, "the measuring window");
        assertEquals(video0, sentToPeer(lessonId, id, true), "no video RTP to an audio-only student");
        assertTrue(sentToPeer(lessonId, id, false) > audio0 + 200, "audio keeps flowing");
        s.awaitAudioFlowing(teacherId, MEDIA);

        assertEquals(Boolean.TRUE, s.call("setAudioOnly(false)"));
        Poll.until(MEDIA, () -> sentToPeer(lessonId, id, true) > video0 + 50, "video again after audio only ends");
    }

    private static long sentToPeer(String lessonId, String peerId, boolean video) {
        return stack.media().onMediaThread(() -> stack.media().room(lessonId).peers().stream()
                .filter(p -> p.id().equals(peerId))
                .mapToLong(p -> video ? p.videoPacketsSent() : p.audioPacketsSent()).sum()).join();
    }

    @Test
    void aStudentWhoseNetworkIsCutForFiveSecondsComesBackAsTheSameParticipant() {
        JsonObject lesson;
        try {
            lesson = createLesson("Cut");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        LessonPage teacher = local("teacher-cut");
        String teacherId = startTeacher(lesson, teacher);
        LessonPage s = inNamespace(cutNs, "student-cut");
        s.open(url(cutNs.hostIp(), lesson.getString("studentToken"), "Cut"));
        String id = s.awaitJoined(JOIN);
        s.awaitVideoDecoding(teacherId, "camera", MEDIA);

        cutNs.cut();
        long cutAt = System.nanoTime();
        Poll.until(Duration.ofSeconds(7), () -> System.nanoTime() - cutAt >= 5_000_000_000L, "five seconds");
        cutNs.restore();

        s.awaitVideoDecoding(teacherId, "camera", MEDIA);
        s.awaitAudioFlowing(teacherId, MEDIA);
        assertEquals(id, s.state("participantId"), "still the same participant");
    }

    @Test
    void aStudentBehindAFirewallThatBlocksUdpConnectsOverTcp() {
        JsonObject lesson;
        try {
            lesson = createLesson("TCP");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        LessonPage teacher = local("teacher-tcp");
        String teacherId = startTeacher(lesson, teacher);
        tcpNs.blockUdp();
        LessonPage s = inNamespace(tcpNs, "student-tcp");
        s.open(url(tcpNs.hostIp(), lesson.getString("studentToken"), "TCP"));
        s.awaitJoined(JOIN);
        s.awaitVideoDecoding(teacherId, "camera", MEDIA);
        s.awaitAudioFlowing(teacherId, MEDIA);
        Object pair = s.browser().await("window.sabaq.pc().getStats().then(r => { const all = [...r.values()];"
                + " const p = all.find(x => x.type === 'candidate-pair' && x.nominated && x.state === 'succeeded');"
                + " const rc = p && all.find(x => x.id === p.remoteCandidateId); return rc ? rc.protocol : null; })");
        assertEquals("tcp", pair, "the media path is ICE-TCP");
    }
}
