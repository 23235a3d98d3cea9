package sabaq.load;

import com.typesafe.config.ConfigFactory;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.vertx.core.json.JsonObject;
import sabaq.common.time.TimeSource;
import sabaq.launcher.SabaqMain.SabaqStack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.ws;

/**
 * 500 students join one lesson over 10 s through the WebSocket protocol (signalling only, no media); each must get
 * {@code joined} with the participants list. Every join is also broadcast to everyone already in the lesson, so the
 * server sends about N²/2 messages. Run:
 * {@code mvn -pl load-tests -am test-compile gatling:test -Dgatling.simulationClass=sabaq.load.JoinLessonSimulation}
 * (add {@code -Dsabaq.url=http://host:port} to load a running server instead of an embedded one;
 * {@code -Dstudents=} and {@code -Dramp=} seconds change the load).
 */
public class JoinLessonSimulation extends Simulation {
    private static final int STUDENTS = Integer.getInteger("students", 500);
    private static final int RAMP_SECONDS = Integer.getInteger("ramp", 10);
    private static final int STAY_SECONDS = Integer.getInteger("stay", 15);

    private final SabaqStack embedded;
    private final String baseUrl;
    private final String studentToken;

    public JoinLessonSimulation() throws Exception {
        String url = System.getProperty("sabaq.url");
        if (url == null || url.isBlank()) {
            embedded = SabaqStack.start(ConfigFactory.parseString(
                    "sabaq.recorder.enabled = false\nsabaq.signalling.port = 0\nsabaq.media.port = 0\nsabaq.signalling.max-participants-per-lesson = 2000\n"
                    + "sabaq.signalling.tls.enabled = false"),
                    TimeSource.SYSTEM);
            baseUrl = "http://127.0.0.1:" + embedded.httpPort();
        } else {
            embedded = null;
            baseUrl = url.replaceAll("/+$", "");
        }
        studentToken = createLesson(baseUrl);
        defineLoad();
    }

    private static String createLesson(String baseUrl) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/lessons"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        new JsonObject().put("title", "Load test").put("teacherName", "Gatling").encode()))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) throw new IllegalStateException("lesson creation failed: " + r.statusCode() + " " + r.body());
        return new JsonObject(r.body()).getString("studentToken");
    }

    private void defineLoad() {
        HttpProtocolBuilder protocol = http.baseUrl(baseUrl).wsBaseUrl(baseUrl.replaceFirst("^http", "ws"));
        ScenarioBuilder students = scenario("students join one lesson")
                .exec(ws("connect").connect("/ws"))
                .exec(ws("join").sendText(session -> new JsonObject()
                                .put("type", "join").put("token", studentToken)
                                .put("name", "Student " + session.userId()).encode())
                        .await(30).on(ws.checkTextMessage("joined")
                                .check(jsonPath("$.type").is("joined"), jsonPath("$.participants[0].id").exists())))
                .pause(Duration.ofSeconds(STAY_SECONDS))
                .exec(ws("close").close());
        setUp(students.injectOpen(STUDENTS == 1 ? atOnceUsers(1) : rampUsers(STUDENTS).during(RAMP_SECONDS)))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void after() {
        if (embedded != null) embedded.close();
    }
}
