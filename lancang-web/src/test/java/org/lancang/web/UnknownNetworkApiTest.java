package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.users.Role;

/**
 * One behaviour for the network a request names: every operation of {@code /openapi.json} that takes a {@code network}
 * query parameter or body field answers an unknown network with 400 problem+json naming {@code network} and listing
 * the networks served, and writes nothing. The operations are read from the document, so a new endpoint is covered
 * as soon as it declares the parameter.
 */
class UnknownNetworkApiTest {
    private static TestServer server;
    private static String everyRole;

    @BeforeAll
    static void start() {
        server = TestServer.everyNetwork();
        everyRole = everyRoleToken(server);
    }

    /** The token of a user holding every role, so that no role check hides what an operation answers. */
    static String everyRoleToken(TestServer server) {
        String roles =
                Arrays.stream(Role.values()).map(r -> "\"" + r.name() + "\"").collect(Collectors.joining(","));
        TestServer.Reply added = server.postJson(
                "/api/users",
                server.adminToken(),
                "{\"username\":\"all.roles\",\"displayName\":\"All roles\",\"password\":\"password of all.roles\","
                        + "\"roles\":[" + roles + "]}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return server.token("all.roles", "password of all.roles");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** An operation of the document that names a network, as a query parameter or a body field. */
    record Operation(String method, String path, boolean query, boolean body, boolean needsMore) {
        String describe() {
            return method.toUpperCase() + " " + path + (query ? " ?network" : "") + (body ? " {network}" : "");
        }
    }

    static List<Operation> operationsNamingANetwork(JsonNode doc) {
        List<Operation> found = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                boolean query = false;
                boolean needsMore = false;
                for (JsonNode p : op.getValue().path("parameters")) {
                    query |= p.get("in").asText().equals("query")
                            && p.get("name").asText().equals("network");
                    needsMore |= p.path("required").asBoolean();
                }
                boolean body = bodyHasNetwork(doc, op.getValue());
                if (query || body) {
                    found.add(new Operation(op.getKey(), path.getKey(), query, body, needsMore));
                }
            }
        }
        return found;
    }

    private static boolean bodyHasNetwork(JsonNode doc, JsonNode op) {
        JsonNode schema =
                op.path("requestBody").path("content").path("application/json").path("schema");
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            schema = doc.path("components").path("schemas").path(name);
        }
        return schema.path("properties").has("network");
    }

    /** The path with each path parameter filled with a value no resource has. */
    static String concrete(String path) {
        return path.replaceAll("\\{[^}]+}", "x");
    }

    @Test
    void everyOperationNamingANetworkRefusesAnUnknownOneWith400NamingItAndWritesNothing() {
        List<Operation> ops =
                operationsNamingANetwork(server.get("/openapi.json").json());
        // today: network, timetable, changes, maintenance, operations, dispatch and freight; more as they come
        assertThat(ops).hasSizeGreaterThan(30);
        System.out.println(ops.size() + " operations name a network");
        Map<String, Long> before = rows();
        List<String> wrong = new ArrayList<>();
        for (Operation op : ops) {
            TestServer.Reply r = call(op, "atlantis");
            boolean refused = r.status() == 400
                    && r.isProblem()
                    && r.json().path("field").asText().equals("network")
                    && r.json().path("detail").asText().contains("atlantis")
                    && r.json().path("detail").asText().contains("china-laos")
                    && r.json().path("detail").asText().contains("vientiane-bangkok");
            if (!refused) {
                wrong.add(op.describe() + " -> " + r.status() + " " + r.body());
            }
        }
        assertThat(wrong).as("operations not answering 400 naming network").isEmpty();
        assertThat(rows()).as("rows per table after every refusal").isEqualTo(before);
    }

    @Test
    void aKnownNetworkIsNotRefused() {
        List<Operation> ops =
                operationsNamingANetwork(server.get("/openapi.json").json());
        List<String> wrong = new ArrayList<>();
        for (Operation op : ops) {
            for (String known : List.of("vientiane-bangkok", "China-Laos")) {
                if (op.path().equals("/api/freight/through/quote") && !known.equalsIgnoreCase("china-laos")) {
                    continue; // a through consignment starts on home, by design (ThroughFreightApiTest)
                }
                TestServer.Reply r = call(op, known);
                // a read needing nothing more (no path, no required parameter, no body) answers, unless it must be
                // told which line (a diagram, on a network of several lines: no main line is chosen for the caller,
                // ADR 0033); any other may refuse the sample path or body, but never the network
                boolean plainRead = op.method().equals("get") && !op.needsMore();
                String field =
                        r.status() / 100 == 2 ? "" : r.json().path("field").asText();
                boolean fine = plainRead && !field.equals("line")
                        ? r.status() / 100 == 2
                        : r.status() < 500 && !field.equals("network");
                if (!fine) {
                    wrong.add(op.describe() + " " + known + " -> " + r.status() + " " + r.body());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void anOperationWithoutTheParameterIsNotInTheWalk() {
        List<Operation> ops =
                operationsNamingANetwork(server.get("/openapi.json").json());
        assertThat(ops).extracting(Operation::path).contains("/api/maintenance/assets", "/api/freight/quote");
        assertThat(ops)
                .extracting(Operation::path)
                .doesNotContain("/api/bookings/{id}/change", "/health", "/api/networks/{network}/points");
    }

    private static TestServer.Reply call(Operation op, String network) {
        String path = concrete(op.path()) + (op.query() ? "?network=" + network : "");
        String body = op.body() ? "{\"network\":\"" + network + "\"}" : "{}";
        return server.send(op.method().toUpperCase(Locale.ROOT), path, everyRole, "application/json", body.getBytes());
    }

    /** The rows of every table but the sign-in's own (signing in writes a token), by table. */
    private static Map<String, Long> rows() {
        return server.platform.database().jdbi().withHandle(h -> {
            List<String> tables = h.createQuery("SELECT table_name FROM information_schema.tables"
                            + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                            + " AND table_name NOT IN ('auth_token', 'app_user', 'user_role', 'sign_in_attempt')")
                    .mapTo(String.class)
                    .list();
            Map<String, Long> counts = new TreeMap<>();
            for (String t : tables) {
                counts.put(
                        t,
                        h.createQuery("SELECT count(*) FROM \"" + t + "\"")
                                .mapTo(Long.class)
                                .one());
            }
            return counts;
        });
    }
}
