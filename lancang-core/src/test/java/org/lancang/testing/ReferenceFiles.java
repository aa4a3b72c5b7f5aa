package org.lancang.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.lancang.data.DataFiles;

/** The shipped China–Laos data files (read from the repository), optionally with one file edited to break it. */
public final class ReferenceFiles implements DataFiles {
    private static final Path FOLDER = Path.of("..", "data", "china-laos");
    private final Map<String, UnaryOperator<String>> edits = new HashMap<>();

    public static ReferenceFiles chinaLaos() {
        return new ReferenceFiles();
    }

    /** The same files, with {@code edit} applied to {@code file}'s text. */
    public ReferenceFiles with(String file, UnaryOperator<String> edit) {
        ReferenceFiles copy = new ReferenceFiles();
        copy.edits.putAll(edits);
        copy.edits.put(file, edit);
        return copy;
    }

    /** Replaces the one line that starts with {@code prefix} by {@code replacement}. */
    public ReferenceFiles withLine(String file, String prefix, UnaryOperator<String> replacement) {
        return with(file, text -> {
            StringBuilder out = new StringBuilder();
            boolean found = false;
            for (String line : text.split("\n", -1)) {
                if (!found && line.startsWith(prefix)) {
                    out.append(replacement.apply(line));
                    found = true;
                } else {
                    out.append(line);
                }
                out.append('\n');
            }
            if (!found) {
                throw new AssertionError("no line starting with " + prefix + " in " + file);
            }
            return out.substring(0, out.length() - 1);
        });
    }

    /** The 1-based line number of the line starting with {@code prefix}. */
    public int lineOf(String file, String prefix) {
        String[] lines = read(file).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line starting with " + prefix);
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
