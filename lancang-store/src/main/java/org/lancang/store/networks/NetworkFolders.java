package org.lancang.store.networks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lancang.errors.InvalidInput;
import org.lancang.store.reference.ClasspathDataFiles;

/**
 * Which of the networks packed into the jar to serve, the home network first. By default every one, the China–Laos
 * network as home (its database, its pages); named ones in the order named, the first being home.
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
                    throw new InvalidInput(field, "'" + name + "' is not a network; there are: " + available);
                }
                if (chosen.contains(n)) {
                    throw new InvalidInput(field, "'" + name + "' is named twice");
                }
                chosen.add(n);
            }
        }
        return chosen.stream().map(ClasspathDataFiles::new).toList();
    }
}
