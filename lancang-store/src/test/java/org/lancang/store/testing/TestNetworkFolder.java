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
 * over it (tiny-freight).
 */
public final class TestNetworkFolder implements DataFiles {
    private static final Path NETWORKS = Path.of("..", "lancang-core", "src", "test", "resources", "networks");

    private final Path folder;
    /** A folder of additions laid over {@code folder}, or null: see {@link #tinyWithFreight()}. */
    private final Path additions;

    private final Map<String, UnaryOperator<String>> edits;
    /** Files the folder does not have, given whole by a test (a loop network that books freight). */
    private final Map<String, String> added;

    private TestNetworkFolder(Path folder, Map<String, UnaryOperator<String>> edits) {
        this(folder, null, edits, Map.of());
    }

    private TestNetworkFolder(
            Path folder, Path additions, Map<String, UnaryOperator<String>> edits, Map<String, String> added) {
        this.folder = folder;
        this.additions = additions;
        this.edits = Map.copyOf(edits);
        this.added = Map.copyOf(added);
    }

    public static TestNetworkFolder branch() {
        return new TestNetworkFolder(NETWORKS.resolve("branch"), Map.of());
    }

    public static TestNetworkFolder loop() {
        return new TestNetworkFolder(NETWORKS.resolve("loop"), Map.of());
    }

    /** The loop network's freight tariff: each carrier's terminal rate for a 20' box, in CNY (made up). */
    public static final BigDecimal LOOP_TERMINAL_CNY = new BigDecimal("100");

    /** The loop network's freight tariff: each carrier's rate per box-km, in CNY (made up). */
    public static final BigDecimal LOOP_PER_KM_CNY = new BigDecimal("2");

    /**
     * The loop network as a freight network: Pago and Rho made freight yards, with a made-up catalogue (S1's slot),
     * rules, pool and tariff (three carriers: main line, Xeno – Yola, Yola – Quill; {@link #LOOP_TERMINAL_CNY} a box
     * plus {@link #LOOP_PER_KM_CNY} a box-km on each one's section). Path requests with a via are made on it.
     */
    public static TestNetworkFolder loopWithFreight() {
        return loop().with(
                        "points.csv",
                        t -> t.replace("QP,Pago,,,XA,0,derived,PASSENGER", "QP,Pago,,,XA,0,derived,FREIGHT")
                                .replace("QR,Rho,,,XA,70,derived,PASSENGER", "QR,Rho,,,XA,70,derived,FREIGHT"))
                .plus("freight-slots.csv", """
                        id,name,train,days,wagons,teu,cutoff_hours,dangerous_goods,source
                        LOOP-S1,Pago – Rho on S1,S1,daily,10,20,6,false,made up
                        """)
                .plus("freight-rules.csv", """
                        rule,value,unit,source
                        border_dwell,20,minutes,made up
                        start_resistance_locomotive,5,N/kN,made up
                        start_resistance_wagons,3.5,N/kN,made up
                        locomotive_mass,78,t,made up
                        max_trailing_mass,3000,t,made up
                        max_wait,12,hours,made up
                        locomotive_length,20,m,made up
                        wagon_length,14,m,made up
                        """)
                .plus("freight-gradients.csv", """
                        from,to,ruling_gradient_permille,source
                        QP,QR,2,made up
                        """)
                .plus(
                        "freight-tariffs.csv",
                        "carrier,section_from,section_to,currency,tariff,unit,terminal_rate,running_rate_per_km,source\n"
                                + "XA_RAIL,QP,QR,CNY,BOX_20,box," + LOOP_TERMINAL_CNY + "," + LOOP_PER_KM_CNY
                                + ",made up\n"
                                + "XA_LOOP,QX,QZ,CNY,BOX_20,box," + LOOP_TERMINAL_CNY + "," + LOOP_PER_KM_CNY
                                + ",made up\n"
                                + "XA_QUILL,QY,QQ,CNY,BOX_20,box," + LOOP_TERMINAL_CNY + "," + LOOP_PER_KM_CNY
                                + ",made up\n")
                .plus("freight-exchange-rates.csv", """
                        base,quote,rate,source
                        CNY,USD,0.14,made up
                        """)
                .plus("freight-equipment.csv", """
                        station,kind,owner,count,source
                        QP,BOX_20,XA_RAIL,10,made up
                        """)
                .plus("freight-terminal-times.csv", """
                        point,release_minutes,source
                        *,180,made up
                        """);
    }

    /** Narvik – Riksgränsen – Kiruna, the folder a stranger wrote from the docs alone (every figure an estimate). */
    public static TestNetworkFolder ofotbanen() {
        return new TestNetworkFolder(NETWORKS.resolve("ofotbanen"), Map.of());
    }

    /**
     * Aldo – Klow, three countries and two borders (QXAB, QXBC), with a container train each way and customs rules
     * holding a lead time per border: the tiny folder with the rows of {@code tiny-freight} after its own (a file only
     * {@code tiny-freight} has is added).
     */
    public static TestNetworkFolder tinyWithFreight() {
        return new TestNetworkFolder(NETWORKS.resolve("tiny"), NETWORKS.resolve("tiny-freight"), Map.of(), Map.of());
    }

    /** The same folder with {@code edit} applied to {@code file}'s text. */
    public TestNetworkFolder with(String file, UnaryOperator<String> edit) {
        Map<String, UnaryOperator<String>> more = new HashMap<>(edits);
        more.put(file, edit);
        return new TestNetworkFolder(folder, additions, more, added);
    }

    /** The same folder with {@code file} added, of text {@code text} (a file the folder does not have). */
    public TestNetworkFolder plus(String file, String text) {
        Map<String, String> more = new HashMap<>(added);
        more.put(file, text);
        return new TestNetworkFolder(folder, additions, edits, more);
    }

    /** The file's text as the repository has it (with the additions' rows), unedited. */
    public String original(String file) {
        if (added.containsKey(file)) {
            return added.get(file);
        }
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
        return added.containsKey(name)
                || Files.exists(folder.resolve(name))
                || (additions != null && Files.exists(additions.resolve(name)));
    }

    /**
     * Writes the folder as read here (edits applied, files added) into {@code dir}, for a command that takes a network
     * folder's path ({@code --network ./my-line}).
     */
    public Path writeTo(Path dir) {
        try (Stream<Path> own = Files.list(folder)) {
            Set<String> names = new TreeSet<>(added.keySet());
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
