package org.lancang.store.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
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
}
