package org.lancang.store.networks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lancang.data.DataFiles;
import org.lancang.errors.InvalidInput;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.reference.DiskDataFiles;

/**
 * Which of the networks packed into the jar to serve, the home network first. By default every one, the China–Laos
 * network as home (its database, its pages); named ones in the order named, the first being home. {@code serve} and
 * every one-network command ({@code --network ./my-line}) also take network folders on disk by their path.
 */
public final class NetworkFolders {
    private NetworkFolders() {}

    /**
     * The folders to serve: {@code named} (blank for every network of {@code data/}), home first.
     *
     * @throws InvalidInput naming {@code field} when a name is not a network of the jar or is named twice
     */
    public static List<ClasspathDataFiles> choose(List<String> named, String field) {
        List<String> available = ClasspathDataFiles.networks();
        List<String> chosen = new ArrayList<>();
        if (named == null || named.stream().allMatch(String::isBlank)) {
            if (available.contains(ClasspathDataFiles.CHINA_LAOS)) {
                chosen.add(ClasspathDataFiles.CHINA_LAOS);
            }
            available.stream().filter(n -> !chosen.contains(n)).forEach(chosen::add);
        } else {
            for (String name : named) {
                String n = name.strip().toLowerCase(Locale.ROOT);
                if (n.isEmpty()) {
                    continue;
                }
                if (!available.contains(n)) {
                    throw new InvalidInput(
                            field,
                            "'" + name + "' is not a network; there are: " + available
                                    + " (or a path to a network folder)");
                }
                if (chosen.contains(n)) {
                    throw new InvalidInput(field, "'" + name + "' is named twice");
                }
                chosen.add(n);
            }
        }
        return chosen.stream().map(ClasspathDataFiles::new).toList();
    }

    /**
     * What {@code lancang serve} serves: as {@link #choose}, and a name that is a path to a network folder on disk (a
     * directory with a network.csv, e.g. {@code ./my-line} or {@code /srv/lines/ofotbanen}) is read from there, so
     * that a new line is served without rebuilding the jar. Its network's code is its network.csv's.
     *
     * @throws InvalidInput naming {@code field} when a name is neither a network of the jar nor such a folder
     */
    public static List<DataFiles> serve(List<String> named, String field) {
        if (named == null || named.stream().allMatch(String::isBlank)) {
            return List.copyOf(choose(named, field));
        }
        List<DataFiles> chosen = new ArrayList<>();
        for (String name : named) {
            String n = name.strip();
            if (n.isEmpty()) {
                continue;
            }
            Optional<DiskDataFiles> folder = onDisk(n, field);
            if (folder.isPresent()) {
                chosen.add(folder.get());
            } else {
                chosen.addAll(choose(List.of(n), field));
            }
        }
        if (chosen.isEmpty()) {
            return List.copyOf(choose(List.of(), field));
        }
        return List.copyOf(chosen);
    }

    /**
     * The network folder on disk that {@code name} is a path to, read as {@link #serve} reads it: a name with a
     * {@code /} or {@code \\}, starting with {@code .}, or a directory that is no network of the jar. Empty when it
     * is a network's code (or no directory at all), which the caller looks up among the networks.
     *
     * @throws InvalidInput naming {@code field} when it is such a path but no directory with a network.csv
     */
    public static Optional<DiskDataFiles> onDisk(String name, String field) {
        String n = name.strip();
        boolean looksLikeAPath = n.contains("/") || n.contains("\\") || n.startsWith(".");
        if (n.isEmpty()
                || (!looksLikeAPath
                        && (ClasspathDataFiles.networks().contains(n.toLowerCase(Locale.ROOT))
                                || !Files.isDirectory(Path.of(n))))) {
            return Optional.empty();
        }
        Path folder = Path.of(n);
        if (!DiskDataFiles.isNetworkFolder(folder)) {
            throw new InvalidInput(
                    field,
                    "'" + name + "' is not a network folder: "
                            + (Files.isDirectory(folder) ? "it has no " : "no such directory with a ")
                            + ClasspathDataFiles.NETWORK_FILE);
        }
        return Optional.of(new DiskDataFiles(folder));
    }
}
