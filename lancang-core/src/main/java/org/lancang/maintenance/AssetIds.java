package org.lancang.maintenance;

import java.text.Normalizer;
import java.util.Locale;

/** How asset ids are spelled: upper-case ASCII words joined by hyphens, so they survive URLs, CSV and spreadsheets. */
final class AssetIds {
    /** The shape every id must have, generated or typed by a user. */
    static final String PATTERN = "[A-Z0-9]+(-[A-Z0-9]+)*";

    static final int MAX_LENGTH = 64;

    private AssetIds() {}

    static boolean valid(String id) {
        return id != null && id.length() <= MAX_LENGTH && id.matches(PATTERN);
    }

    /** "Luang Prabang Mekong bridge" → "LUANG-PRABANG-MEKONG-BRIDGE"; accents dropped, other scripts dropped. */
    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /**
     * The distinguishing part of a structure's name: its slug without the kind word ("tunnel", "bridge") and without a
     * leading place name equal to {@code placeName}, so "Luang Prabang Mekong bridge" near Luang Prabang gives "MEKONG".
     */
    static String structureWord(String structureName, String placeName) {
        String slug = ("-" + slug(structureName) + "-").replace("-TUNNEL-", "-").replace("-BRIDGE-", "-");
        slug = slug.replaceAll("^-+|-+$", "");
        String place = slug(placeName);
        if (!place.isEmpty() && slug.startsWith(place + "-")) {
            slug = slug.substring(place.length() + 1);
        }
        return slug;
    }
}
