package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input gets a 4xx problem+json that names the field, never a 500, and writes nothing.
 */
class BadInputApiTest {
    private static TestServer server;
    private static String admin;
    private static String buyer;
    private long usersBefore;

    @BeforeAll
    static void start() {
        server = new TestServer();
        admin = server.adminToken();
        buyer = server.passenger("dates", "Dates", "dates password 1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void countUsers() {
        usersBefore = userCount();
    }

    private static long userCount() {
        return server.platform
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM app_user")
                        .mapTo(Long.class)
                        .one());
    }

    private void assertProblem(TestServer.Reply r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.isProblem()).as("content type " + r.contentType()).isTrue();
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        assertThat(r.json().get("field").asText()).isEqualTo(field);
        assertThat(userCount()).as("nothing written").isEqualTo(usersBefore);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // malformed JSON
                "{\"username\": |400|body",
                "not json at all|400|body",
                "[]|400|body",
                "null|400|body",
                // unknown fields
                "{\"username\":\"abc\",\"displayName\":\"A\",\"password\":\"long enough pw\",\"roles\":[\"PLANNER\"],\"isAdmin\":true}|400|isAdmin",
                // wrong types
                "{\"username\":5,\"displayName\":\"A\",\"password\":\"long enough pw\",\"roles\":[\"PLANNER\"]}|400|username",
                "{\"username\":\"abc\",\"displayName\":\"A\",\"password\":\"long enough pw\",\"roles\":\"PLANNER\"}|400|roles",
                "{\"username\":\"abc\",\"displayName\":{\"x\":1},\"password\":\"long enough pw\",\"roles\":[\"PLANNER\"]}|400|displayName",
                // unknown codes
                "{\"username\":\"abc\",\"displayName\":\"A\",\"password\":\"long enough pw\",\"roles\":[\"PLANNER\",\"PILOT\"]}|400|roles[1]",
                // rule violations
                "{\"username\":\"a\",\"displayName\":\"A\",\"password\":\"long enough pw\",\"roles\":[\"PLANNER\"]}|400|username",
                "{\"username\":\"abc\",\"displayName\":\"A\",\"password\":\"short\",\"roles\":[\"PLANNER\"]}|400|password",
                "{\"username\":\"abc\",\"displayName\":\"\",\"password\":\"long enough pw\",\"roles\":[\"PLANNER\"]}|400|displayName",
                "{\"username\":\"abc\",\"displayName\":\"A\",\"password\":\"long enough pw\",\"roles\":[]}|400|roles",
                "{\"displayName\":\"A\",\"password\":\"long enough pw\",\"roles\":[\"PLANNER\"]}|400|username",
            })
    void addUserRefusesBadBodies(String body, int status, String field) {
        assertProblem(server.postJson("/api/users", admin, body), status, field);
    }

    @Test
    void aTenMegabyteBodyIsRefusedWith413() {
        byte[] big = new byte[10 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        byte[] prefix = "{\"username\":\"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(prefix, 0, big, 0, prefix.length);
        TestServer.Reply r = server.send("POST", "/api/users", admin, "application/json", big);
        assertProblem(r, 413, "body");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/api/auth/login", "/api/auth/token", "/api/auth/register", "/api/users"})
    void aBodyBeyondTheJsonParsersLimitsIsA400NotA500(String path) {
        // a field name longer than Jackson's limit fails with no location in the text: it once made a 500
        String longName = "{\"" + "a".repeat(100_000) + "\":1}";
        assertProblem(server.postJson(path, admin, longName), 400, "body");
        String deep = "[".repeat(5_000);
        assertProblem(server.postJson(path, admin, deep), 400, "body");
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWith415() {
        TestServer.Reply r = server.send(
                "POST", "/api/auth/register", null, "text/plain", "username=abc".getBytes(StandardCharsets.UTF_8));
        assertProblem(r, 415, "Content-Type");
    }

    @Test
    void registrationValidatesEveryFieldAndNamesEachOne() {
        TestServer.Reply r = server.postJson(
                "/api/auth/register",
                null,
                "{\"username\":\"!!\",\"displayName\":\"" + "x".repeat(10_000) + "\",\"password\":\"\"}");
        assertProblem(r, 400, "username");
        assertThat(r.json().get("errors").findValuesAsText("field"))
                .containsExactly("username", "displayName", "password");
    }

    @Test
    void setRolesWithAnUnknownRoleOrWrongTypeChangesNothing() {
        assertProblem(server.putJson("/api/users/admin/roles", admin, "{\"roles\":[\"KING\"]}"), 400, "roles[0]");
        assertProblem(server.putJson("/api/users/admin/roles", admin, "{\"roles\":[1]}"), 400, "roles[0]");
        assertThat(server.get("/api/auth/me", admin).json().get("roles").get(0).asText())
                .isEqualTo("ADMIN");
    }

    @Test
    void signInWithMissingFieldsNamesThem() {
        assertProblem(server.postJson("/api/auth/login", null, "{\"username\":\"admin\"}"), 400, "password");
        assertProblem(
                server.postJson("/api/auth/login", null, "{\"username\":\"admin\",\"password\":\"x\",\"otp\":1}"),
                400,
                "otp");
    }

    /**
     * A text field given a number or a boolean says it wants a string and shows the value written as one (it once
     * answered "'133' is not a valid string", which reads as if "133" were refused); given an object or an array, that
     * it wants a string. The same on every endpoint, since every JSON body is read by one reader.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/bookings|{\"date\":\"2026-12-08\",\"train\":133,\"from\":\"KMS\",\"to\":\"VTE\",\"seatClass\":\"SECOND\",\"currency\":\"CNY\",\"passengers\":[]}|train|must be a string, e.g. \"133\"",
                "/api/bookings|{\"date\":\"2026-12-08\",\"train\":\"D87\",\"from\":\"KMS\",\"to\":1.5,\"seatClass\":\"SECOND\",\"currency\":\"CNY\",\"passengers\":[]}|to|must be a string, e.g. \"1.5\"",
                "/api/journey-bookings|{\"legs\":[{\"date\":\"2026-12-08\",\"train\":133,\"from\":\"KMS\",\"to\":\"VTE\"}],\"passengers\":[]}|legs[0].train|must be a string, e.g. \"133\"",
                "/api/users|{\"username\":true,\"displayName\":\"A\",\"password\":\"long enough pw\",\"roles\":[\"PLANNER\"]}|username|must be a string, e.g. \"true\"",
                "/api/users|{\"username\":\"abc\",\"displayName\":{\"x\":1},\"password\":\"long enough pw\",\"roles\":[\"PLANNER\"]}|displayName|must be a string",
                "/api/users|{\"username\":\"abc\",\"displayName\":\"A\",\"password\":\"long enough pw\",\"roles\":[7]}|roles[0]|must be a string, e.g. \"7\"",
            })
    void aNumberWhereTextIsWantedIsRefusedSayingAStringWithTheValueAsOne(
            String path, String body, String field, String message) {
        TestServer.Reply r = server.postJson(path, path.equals("/api/users") ? admin : buyer, body);
        assertProblem(r, 400, field);
        assertThat(r.json().get("errors").get(0).get("message").asText()).isEqualTo(message);
    }

    /**
     * A date field takes exactly yyyy-MM-dd on every endpoint: a date-time was once read as its date with the time
     * dropped, so a booking could be made for a day the caller never wrote.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "\"2026-12-13T10:00:00Z\"",
                "\"2026-12-13T10:00:00+07:00\"",
                "\"2026-12-13T10:00\"",
                "\"2026-99-99\"",
                "\"13/12/2026\"",
                "\" 2026-12-13\"",
                "[2026,12,13]",
                "20261213"
            })
    void aDateFieldTakesOnlyADateOnEveryEndpoint(String date) {
        String passenger = "{\"name\":\"Wang Fang\",\"documentType\":\"PASSPORT\",\"documentNumber\":\"E1234567\","
                + "\"nationality\":\"CHN\",\"documentExpiry\":\"2031-01-01\"}";
        TestServer.Reply booking = server.postJson(
                "/api/bookings",
                buyer,
                "{\"date\":" + date + ",\"train\":\"D87\",\"from\":\"KMS\",\"to\":\"VTE\",\"seatClass\":\"SECOND\","
                        + "\"currency\":\"CNY\",\"passengers\":[" + passenger + "]}");
        assertDateRefused(booking, "date");
        TestServer.Reply journey = server.postJson(
                "/api/journey-bookings",
                buyer,
                "{\"legs\":[{\"date\":" + date + ",\"train\":\"D87\",\"from\":\"KMS\",\"to\":\"VTE\"}],"
                        + "\"passengers\":[" + passenger + "]}");
        assertDateRefused(journey, "legs[0].date");
        TestServer.Reply change = server.postJson(
                "/api/journey-bookings/J-none/legs/1/change",
                buyer,
                "{\"date\":" + date + ",\"idempotencyKey\":\"date-check-1\"}");
        assertDateRefused(change, "date");
    }

    private void assertDateRefused(TestServer.Reply r, String field) {
        assertProblem(r, 400, field);
        assertThat(r.json().get("errors").get(0).get("message").asText()).isEqualTo("must be a date yyyy-MM-dd");
    }
}
