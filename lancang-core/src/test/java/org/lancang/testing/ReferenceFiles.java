package org.lancang.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.lancang.data.DataFiles;

/**
 * A network folder's data files, read from the repository, optionally with files edited to break it: the shipped
 * China–Laos folder, or the made-up branch network of the test resources (main line LA: Bram – Jura – Aldo, km rising
 * towards Aldo; branch LC: Jura – Cato, km rising away from Jura), or its loop network (main line LM: Pago – Xeno –
 * Quill – Rho; loop LL: Xeno – Yola – Quill, twice the main line's 30 km; spur LS: Yola – Zed).
 */
public final class ReferenceFiles implements DataFiles {
    private final Path folder;
    private final Map<String, UnaryOperator<String>> edits = new HashMap<>();

    private ReferenceFiles(Path folder) {
        this.folder = folder;
    }

    public static ReferenceFiles chinaLaos() {
        return new ReferenceFiles(Path.of("..", "data", "china-laos"));
    }

    /** The shipped Vientiane – Bangkok folder: two lines, NE and NK, joined at Thanon Chira. */
    public static ReferenceFiles vientianeBangkok() {
        return new ReferenceFiles(Path.of("..", "data", "vientiane-bangkok"));
    }

    public static ReferenceFiles branch() {
        return new ReferenceFiles(Path.of("src", "test", "resources", "networks", "branch"));
    }

    public static ReferenceFiles loop() {
        return new ReferenceFiles(Path.of("src", "test", "resources", "networks", "loop"));
    }

    /**
     * The branch network with a border on its branch: Atlantis (XA) up to the border point QX at km 30 of the branch LC,
     * its control at the Cato loop (km 20), Borduria (XB) beyond it, its control at Cato. Km 30 of the branch is not
     * km 30 of the main line, where there is no border.
     */
    /**
     * The loop network's freight files (not a network: each file read on its own), which the store's test folder lays
     * over the loop network.
     */
    public static ReferenceFiles loopFreight() {
        return new ReferenceFiles(Path.of("src", "test", "resources", "networks", "loop-freight"));
    }

    public static ReferenceFiles branchWithBorder() {
        return branch().with("countries.csv", t -> t + "XB,Borduria,,,Europe/Lisbon,Atlantis time,,,XB_RAIL,made up\n")
                .with("operators.csv", t -> t + "XB_RAIL,Borduria Railways,,,https://example.org/xb,XB,30,made up\n")
                .with(
                        "points.csv",
                        t -> t.replace(
                                "QC,Cato,,,XA,",
                                "QX,Xeno border,,,XA/XB,30,derived,BORDER,Europe/Lisbon,0,0,made up,10,made up,"
                                        + ",,,no usual dwell: the border,made up,LC\nQC,Cato,,,XB,"))
                .with(
                        "sections.csv",
                        t -> t.replace(
                                "QCJ,QC,",
                                "QCJ,QX,1,120,100,INTER_STATION,3,made up,,none,made up,1435,none,made up,LC\nQX,QC,"))
                .with("borders.csv", t -> t + "QX,XA,QCJ,XB,QC,QCJ,QC,made up\n");
    }

    /**
     * The Ofoten and Iron Ore lines, Narvik (Norway) – Riksgränsen – Kiruna (Sweden), as a stranger wrote them from the
     * docs alone: single track with loops, a border with a control on each side, an overnight train, fares in NOK and
     * SEK from the folder's own currencies.csv; every figure an estimate (its README).
     */
    public static ReferenceFiles ofotbanen() {
        return new ReferenceFiles(Path.of("src", "test", "resources", "networks", "ofotbanen"));
    }

    /** The same files, with {@code edit} applied to {@code file}'s text. */
    public ReferenceFiles with(String file, UnaryOperator<String> edit) {
        ReferenceFiles copy = new ReferenceFiles(folder);
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
        throw new AssertionError("no line starting with " + prefix + " in " + file);
    }

    @Override
    public String read(String fileName) {
        try {
            String text = Files.readString(folder.resolve(fileName));
            return edits.getOrDefault(fileName, UnaryOperator.identity()).apply(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
