package org.lancang.store.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.lancang.data.DataFiles;

/**
 * A made-up network folder of the core's test resources ({@code lancang-core/src/test/resources/networks/}) read from
 * the repository as a served folder is, optionally with a file's text edited: the branch network (main line Bram –
 * Jura – Aldo, branch Jura – Cato) or the loop network (main line Pago – Xeno – Quill – Rho, the longer loop Xeno –
 * Yola – Quill beside it) or Narvik – Kiruna (ofotbanen), or the tiny three-country line with freight and customs laid
 * over it (tiny-freight), or the loop network with freight laid over it (loop-freight).
 */
public final class TestNetworkFolder implements DataFiles {
    private static final Path NETWORKS = Path.of("..", "lancang-core", "src", "test", "resources", "networks");

    private final Path folder;
    /** A folder of additions laid over {@code folder}, or null: see {@link #tinyWithFreight()}. */
    private final Path additions;

    private final Map<String, UnaryOperator<String>> edits;

    private TestNetworkFolder(Path folder, Map<String, UnaryOperator<String>> edits) {
        this(folder, null, edits);
    }

    private TestNetworkFolder(Path folder, Path additions, Map<String, UnaryOperator<String>> edits) {
        this.folder = folder;
        this.additions = additions;
        this.edits = Map.copyOf(edits);
    }

    public static TestNetworkFolder branch() {
        return new TestNetworkFolder(NETWORKS.resolve("branch"), Map.of());
    }

    public static TestNetworkFolder loop() {
        return new TestNetworkFolder(NETWORKS.resolve("loop"), Map.of());
    }

    /** The loop network's freight tariff: each carrier's terminal rate for a 20' box, in CNY, as loop-freight's file has it. */
    public static final BigDecimal LOOP_TERMINAL_CNY = new BigDecimal("100");

    /** The loop network's freight tariff: each carrier's rate per box-km, in CNY, as loop-freight's file has it. */
    public static final BigDecimal LOOP_PER_KM_CNY = new BigDecimal("2");

    /**
     * The loop network as a freight network: Pago and Rho made freight yards, with the freight files of
     * {@code loop-freight} (S1's slot, rules, pool and a tariff of three carriers: main line, Xeno – Yola, Yola – Quill;
     * {@link #LOOP_TERMINAL_CNY} a box plus {@link #LOOP_PER_KM_CNY} a box-km on each one's section). Path requests with
     * a via are made on it.
     */
    public static TestNetworkFolder loopWithFreight() {
        return new TestNetworkFolder(NETWORKS.resolve("loop"), NETWORKS.resolve("loop-freight"), Map.of())
                .with(
                        "points.csv",
                        t -> t.replace("QP,Pago,,,XA,0,derived,PASSENGER", "QP,Pago,,,XA,0,derived,FREIGHT")
                                .replace("QR,Rho,,,XA,70,derived,PASSENGER", "QR,Rho,,,XA,70,derived,FREIGHT"));
    }

    /** Narvik – Riksgränsen – Kiruna, the folder a stranger wrote from the docs alone (every figure an estimate). */
    public static TestNetworkFolder ofotbanen() {
        return new TestNetworkFolder(NETWORKS.resolve("ofotbanen"), Map.of());
    }

    /**
     * Aldo – Klow, three countries and two borders (QXAB, QXBC), with a container train each way and customs rules
     * holding a lead time per border, and past Klow a third border (QXCB) back into Borduria at Dova, where F3 starts
     * north and meets Borduria's controls twice: the tiny folder with the rows of {@code tiny-freight} after its own (a
     * file only {@code tiny-freight} has is added).
     */
    public static TestNetworkFolder tinyWithFreight() {
        return new TestNetworkFolder(NETWORKS.resolve("tiny"), NETWORKS.resolve("tiny-freight"), Map.of());
    }

    /** The same folder with {@code edit} applied to {@code file}'s text. */
    public TestNetworkFolder with(String file, UnaryOperator<String> edit) {
        Map<String, UnaryOperator<String>> more = new HashMap<>(edits);
        more.put(file, edit);
        return new TestNetworkFolder(folder, additions, more);
    }

    /** The file's text as the repository has it (with the additions' rows), unedited. */
    public String original(String file) {
        try {
            boolean own = Files.exists(folder.resolve(file));
            if (additions == null || !Files.exists(additions.resolve(file))) {
                return Files.readString(folder.resolve(file));
            }
            String extra = Files.readString(additions.resolve(file));
            if (!own) {
                return extra;
            }
            String base = Files.readString(folder.resolve(file));
            // the additions repeat the header, so each file reads on its own; its rows go after the folder's
            return (base.endsWith("\n") ? base : base + "\n") + extra.substring(extra.indexOf('\n') + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String read(String name) {
        return edits.getOrDefault(name, UnaryOperator.identity()).apply(original(name));
    }

    @Override
    public boolean has(String name) {
        return Files.exists(folder.resolve(name)) || (additions != null && Files.exists(additions.resolve(name)));
    }

    /**
     * Writes the folder as read here (edits applied, additions laid over) into {@code dir}, for a command that takes a network
     * folder's path ({@code --network ./my-line}).
     */
    public Path writeTo(Path dir) {
        try (Stream<Path> own = Files.list(folder)) {
            Set<String> names = new TreeSet<>();
            own.forEach(p -> names.add(p.getFileName().toString()));
            if (additions != null) {
                try (Stream<Path> more = Files.list(additions)) {
                    more.forEach(p -> names.add(p.getFileName().toString()));
                }
            }
            Files.createDirectories(dir);
            for (String name : names) {
                Files.writeString(dir.resolve(name), read(name));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
