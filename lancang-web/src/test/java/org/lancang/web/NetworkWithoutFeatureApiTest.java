package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lancang.data.DataFiles;
import org.lancang.freight.FreightData;
import org.lancang.operations.DispatchRules;
import org.lancang.store.testing.TestNetworkFolder;

/**
 * A network served from a folder without a feature's files (here Narvik – Kiruna without {@code dispatching.csv} and
 * without its freight files) is listed by {@code /api/networks}, so a request naming it for that feature is told so:
 * 404 problem+json naming {@code network}, the feature and the missing file, alike on every holder. It was a 400 "no
 * network 'ofotbanen'; served: china-laos", as if it were unknown (a black-box tester found it).
 */
class NetworkWithoutFeatureApiTest {
    private static final String NETWORK = "ofotbanen";
    private static final Set<String> LEFT_OUT = Set.of(DispatchRules.FILE, FreightData.SLOTS_FILE);
    private static TestServer server;
    private static String everyRole;

    /** Narvik – Kiruna without operations and freight: neither dispatching rules nor any freight file. */
    private static final DataFiles WITHOUT_OPERATIONS_AND_FREIGHT = new DataFiles() {
        private final TestNetworkFolder folder = TestNetworkFolder.ofotbanen();

        @Override
        public String read(String name) {
            if (!has(name)) {
                throw new IllegalStateException("no " + name + " in this folder");
            }
            return folder.read(name);
        }

        @Override
        public boolean has(String name) {
            return !LEFT_OUT.contains(name) && !name.startsWith("freight-") && folder.has(name);
        }
    };

    @BeforeAll
    static void start() {
        server = TestServer.withOthers(List.of(WITHOUT_OPERATIONS_AND_FREIGHT));
        everyRole = UnknownNetworkApiTest.everyRoleToken(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theNetworkIsListed() {
        TestServer.Reply listed = server.get("/api/networks");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().findValuesAsText("code")).contains(NETWORK);
    }

    /** One endpoint of each holder that lacks the feature: operations, its dispatch and realtime feed, freight, customs. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "GET /api/operations/forecast?network=" + NETWORK + " operations " + DispatchRules.FILE,
                "GET /api/operations/conflicts?network=" + NETWORK + " operations " + DispatchRules.FILE,
                "GET /api/operations/holds?network=" + NETWORK + " operations " + DispatchRules.FILE,
                "GET /gtfs-rt/" + NETWORK + "/trip-updates.pb operations " + DispatchRules.FILE,
                "GET /api/freight/slots?network=" + NETWORK + " freight " + FreightData.SLOTS_FILE,
                "POST /api/freight/quote freight " + FreightData.SLOTS_FILE,
                "GET /api/freight/customs?network=" + NETWORK + " customs " + DispatchRules.FILE,
                "GET /api/freight/manifests?network=" + NETWORK + " customs " + FreightData.SLOTS_FILE,
            })
    void aFeatureItLacksIsA404NamingNetworkTheFeatureAndTheFile(String call) {
        String[] parts = call.split(" ");
        TestServer.Reply r = server.send(
                parts[0], parts[1], everyRole, "application/json", ("{\"network\":\"" + NETWORK + "\"}").getBytes());
        assertThat(r.status()).as(call + " -> " + r.body()).isEqualTo(404);
        assertThat(r.isProblem()).as(call).isTrue();
        assertThat(r.json().path("field").asText()).as(call).isEqualTo("network");
        assertThat(r.json().path("detail").asText())
                .as(call)
                .contains("network '" + NETWORK + "' is served but has no " + parts[2])
                .contains(parts[3]);
    }

    /**
     * Every operation that takes a network (read from {@code /openapi.json}, as {@link UnknownNetworkApiTest} walks
     * them) either serves it or says what it lacks: none calls it unknown, none fails with a 500.
     */
    @Test
    void noOperationCallsTheServedNetworkUnknown() {
        List<UnknownNetworkApiTest.Operation> ops = UnknownNetworkApiTest.operationsNamingANetwork(
                server.get("/openapi.json").json());
        assertThat(ops).hasSizeGreaterThan(30);
        List<String> wrong = new ArrayList<>();
        int lacking = 0;
        for (UnknownNetworkApiTest.Operation op : ops) {
            if (op.path().equals("/api/freight/through/quote")) {
                continue; // a through consignment starts on home, by design (ThroughFreightApiTest)
            }
            String path = UnknownNetworkApiTest.concrete(op.path()) + (op.query() ? "?network=" + NETWORK : "");
            String body = op.body() ? "{\"network\":\"" + NETWORK + "\"}" : "{}";
            TestServer.Reply r = server.send(
                    op.method().toUpperCase(Locale.ROOT), path, everyRole, "application/json", body.getBytes());
            String detail = r.status() >= 400 ? r.json().path("detail").asText() : "";
            boolean namesNetwork =
                    r.status() >= 400 && r.json().path("field").asText().equals("network");
            if (r.status() >= 500
                    || (namesNetwork && !(r.status() == 404 && detail.contains("is served but has no")))) {
                wrong.add(op.describe() + " -> " + r.status() + " " + r.body());
            }
            lacking += namesNetwork ? 1 : 0;
        }
        System.out.println(lacking + " of " + ops.size() + " operations say what " + NETWORK + " lacks");
        assertThat(wrong).isEmpty();
        assertThat(lacking).as("operations, freight and customs endpoints").isGreaterThan(10);
    }
}
