package sabaq.signalling.account;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sabaq.common.cassandra.CassandraExtension;
import sabaq.signalling.csv.CsvParser;
import sabaq.signalling.testing.Accounts;
import sabaq.signalling.testing.ApiClient;
import sabaq.signalling.testing.School;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSV import of users (all or nothing, row errors, partial) and the export of an organisation, against Cassandra. */
@ExtendWith({CassandraExtension.class, VertxExtension.class})
class UserImportTest {
    private School s;
    private UUID group;

    @BeforeEach
    void start(Vertx vertx) {
        s = School.start(vertx, "auth.import.max-bytes = 4096");
        group = s.group("7A");
    }

    @AfterEach
    void stop() {
        s.close();
    }

    private ApiClient.Response importCsv(String csv, boolean partial) {
        return s.root.postCsv("/api/orgs/" + s.org + "/import" + (partial ? "?partial=true" : ""), csv.getBytes(StandardCharsets.UTF_8));
    }

    private int users() {
        return s.root.get("/api/orgs/" + s.org + "/users").json().getJsonArray("users").size();
    }

    private static final String GOOD = "\uFEFFlogin,name,email,birth_date,roles,group,parent_login\r\n"
            + "mother,Айгүл Сейітова,aigul@mail.kz,,parent,,\r\n"
            + "dana,\"Сейітова, Дана\",,2012-04-01,student,7a,mother\r\n"
            + "erlan,Erlan Nurlanov,,2011-09-30,student,7A,\r\n";

    @Test
    void validFileIsImportedWithRolesGroupsAndParents() {
        ApiClient.Response r = importCsv(GOOD, false);
        assertEquals(200, r.status(), r::toString);
        assertEquals(3, r.json().getInteger("imported"));
        JsonArray accounts = r.json().getJsonArray("accounts");
        assertEquals(List.of(2, 3, 4), accounts.stream().map(o -> ((JsonObject) o).getInteger("row")).collect(Collectors.toList()));
        String danaPassword = accounts.getJsonObject(1).getString("initialPassword");
        assertNotNull(danaPassword, "generated, shown once");

        UUID dana = UUID.fromString(accounts.getJsonObject(1).getString("id"));
        JsonObject user = s.root.get("/api/users/" + dana).json();
        assertEquals("Сейітова, Дана", user.getString("displayName"));
        assertEquals("2012-04-01", user.getString("birthDate"));
        assertEquals("student", user.getJsonArray("roles").getJsonObject(0).getString("role"));
        assertEquals(group.toString(), user.getJsonArray("roles").getJsonObject(0).getString("groupId"));
        assertEquals(accounts.getJsonObject(0).getString("id"), user.getJsonArray("parents").getString(0));
        assertTrue(user.getBoolean("mustChangePassword"));
        assertEquals("change-password", Accounts.password(new ApiClient(s.f.port()), "dana", danaPassword).json().getString("next"));

        List<String> actions = s.root.get("/api/orgs/" + s.org + "/audit").json().getJsonArray("entries").stream()
                .map(o -> ((JsonObject) o).getString("action")).collect(Collectors.toList());
        assertEquals(3, actions.stream().filter("user.create"::equals).count(), actions.toString());
        assertTrue(actions.contains("users.import") && actions.contains("parent.link"), actions.toString());
    }

    @Test
    void anyBadRowMeansNothingIsImportedAndEveryProblemIsReported() {
        s.user("taken", null);
        int before = users();
        String csv = "login,name,birth_date,roles,group,parent_login\n"
                + "ok-one,Good Row,2012-01-01,student,7A,\n"
                + "taken,Login exists,,student,,\n"
                + "ok-one,Same login again,,student,,\n"
                + "x,Too short login,,,,\n"
                + "ok-two,Bad date,2012-13-01,student,,\n"
                + "ok-three,Unknown role,,principal,,\n"
                + "ok-four,Unknown group,,student,9Z,\n"
                + "ok-five,No such parent,,student,,nobody\n"
                + "ok-six,,,student,,\n"
                + "ok-seven,Too,many,fields,here,,\n";
        ApiClient.Response r = importCsv(csv, false);
        assertEquals(422, r.status(), r::toString);
        assertEquals("IMPORT_INVALID", r.code());
        JsonArray errors = r.json().getJsonObject("error").getJsonArray("errors");
        List<String> found = errors.stream().map(o -> ((JsonObject) o).getInteger("row") + ":" + ((JsonObject) o).getString("column"))
                .collect(Collectors.toList());
        assertEquals(List.of("3:login", "4:login", "5:login", "6:birth_date", "7:roles", "8:group", "10:name", "11:null", "9:parent_login"),
                found, errors.encodePrettily());
        assertEquals(before, users(), "nothing was imported");

        ApiClient.Response partial = importCsv(csv, true);
        assertEquals(200, partial.status(), partial::toString);
        assertEquals(1, partial.json().getInteger("imported"));
        assertEquals(9, partial.json().getJsonArray("errors").size());
        assertEquals(before + 1, users());
    }

    @Test
    void brokenFilesAreRefusedWithARow() {
        assertEquals("login", importCsv("name\nA\n", false).json().getJsonObject("error").getJsonArray("errors")
                .getJsonObject(0).getString("column"), "the required login column");
        assertEquals(1, importCsv("login,name,shoe_size\na1b,A,42\n", false).json().getJsonObject("error")
                .getJsonArray("errors").getJsonObject(0).getInteger("row"));
        ApiClient.Response latin1 = s.root.postCsv("/api/orgs/" + s.org + "/import", new byte[] {'l', 'o', 'g', 'i', 'n', ',',
            'n', 'a', 'm', 'e', '\n', 'a', 'b', 'c', ',', (byte) 0xC9, '\n'});
        assertTrue(latin1.body().contains("not UTF-8"), latin1::toString);
        assertEquals(2, importCsv("login,name\nabc,\"open quote\n", false).json().getJsonObject("error").getJsonArray("errors")
                .getJsonObject(0).getInteger("row"));
        ApiClient.Response big = importCsv("login,name\n" + "abcd,Name\n".repeat(500), false);
        assertEquals(413, big.status());
        assertEquals("PAYLOAD_TOO_LARGE", big.code());
        ApiClient.Response json = s.root.send("POST", "/api/orgs/" + s.org + "/import", "{}", "application/json", true);
        assertEquals(415, json.status());
    }

    @Test
    void exportsUsersGroupsAndLessonsAsCsvAndJson() {
        assertEquals(200, importCsv(GOOD, false).status());
        s.user("teacher", null, Accounts.role("teacher", group));
        ApiClient teacher = s.firstSignIn("teacher");
        assertEquals(201, teacher.post("/api/lessons", new JsonObject().put("title", "=cmd|' /C calc'!A0").put("orgId", s.org.toString())
                .put("groupId", group.toString())).status());

        ApiClient.Response csv = s.root.get("/api/orgs/" + s.org + "/export/users.csv");
        assertEquals(200, csv.status(), csv::toString);
        assertTrue(csv.header("Content-Type").startsWith("text/csv"));
        assertTrue(csv.header("Content-Disposition").contains("users.csv"));
        CsvParser.Result parsed = new CsvParser(100, 1000).parse(csv.body().getBytes(StandardCharsets.UTF_8));
        assertTrue(parsed.ok());
        assertEquals(List.of("id", "login", "name", "email", "birth_date", "status", "roles", "parent_logins", "created_at"),
                parsed.records().get(0).fields());
        List<String> dana = parsed.records().stream().map(rec -> rec.fields()).filter(f -> f.get(1).equals("dana")).findFirst().orElseThrow();
        assertEquals("Сейітова, Дана", dana.get(2));
        assertEquals("student@7A", dana.get(6));
        assertEquals("mother", dana.get(7));
        assertTrue(!csv.body().contains("argon2") && !csv.body().contains("Initial-"), "no credentials");

        JsonObject json = s.root.get("/api/orgs/" + s.org + "/export/users.json").json();
        assertEquals(4, json.getJsonArray("users").size());
        JsonObject mother = json.getJsonArray("users").stream().map(o -> (JsonObject) o)
                .filter(u -> u.getString("login").equals("mother")).findFirst().orElseThrow();
        assertEquals(new JsonArray().add("parent"), mother.getJsonArray("roles"));
        assertNull(mother.getString("birth_date"));

        assertEquals("7A", s.root.get("/api/orgs/" + s.org + "/export/groups.json").json().getJsonArray("groups")
                .getJsonObject(0).getString("name"));
        ApiClient.Response lessons = s.root.get("/api/orgs/" + s.org + "/export/lessons.csv");
        assertTrue(lessons.body().contains(",7A,'=cmd|' /C calc'!A0,"), "a formula cell is defused: " + lessons.body());
        assertEquals(404, s.root.get("/api/orgs/" + s.org + "/export/passwords.csv").status());
        assertTrue(s.root.get("/api/orgs/" + s.org + "/audit").body().contains("data.export"));
    }
}
