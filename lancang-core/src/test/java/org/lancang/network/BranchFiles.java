package org.lancang.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.lancang.data.DataFiles;

/**
 * The made-up branch network of the test resources (main line LA: Bram – Jura – Aldo, km rising towards Aldo; branch
 * LC: Jura – Cato, km rising away from Jura), optionally with a file edited to break it.
 */
public final class BranchFiles implements DataFiles {
    private static final Path FOLDER = Path.of("src", "test", "resources", "networks", "branch");
    private final Map<String, UnaryOperator<String>> edits = new HashMap<>();

    public static BranchFiles branch() {
        return new BranchFiles();
    }

    /** The same files with {@code edit} applied to {@code file}'s text. */
    public BranchFiles with(String file, UnaryOperator<String> edit) {
        BranchFiles copy = new BranchFiles();
        copy.edits.putAll(edits);
        copy.edits.put(file, edit);
        return copy;
    }

    /** The 1-based line of {@code file} that starts with {@code prefix}. */
    public int lineOf(String file, String prefix) {
        String[] lines = read(file).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line starting with " + prefix + " in " + file);
    }

    @Override
    public String read(String fileName) {
        try {
            String text = Files.readString(FOLDER.resolve(fileName));
            return edits.getOrDefault(fileName, UnaryOperator.identity()).apply(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
