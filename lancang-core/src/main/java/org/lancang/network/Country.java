package org.lancang.network;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A country a point or structure lies in, read from a network's {@code countries.csv}: its code, its names, the zone its
 * clocks keep and what that time is called. A border point (and a structure across a border) lies in two countries at
 * once: a <em>shared</em> country whose code joins its members' codes with a slash, such as {@code A/B}.
 *
 * <p>One instance per code within a network: {@link Network#country} hands out the same value every time, so the
 * identity comparisons of older code keep working; compare with {@link #equals} in new code.
 *
 * @param code      the code used in data files and the API (ISO 3166-1 alpha-2 for a real country)
 * @param names     the country's names (its own language's among them, in {@link Names#more} beyond en, zh and lo)
 * @param language  the language the country names itself in (a BCP 47 code such as {@code zh}, {@code lo},
 *                  {@code th}, {@code nb}), so a page can show the country's own name beside the reader's; blank where
 *                  the file does not say, and for a shared country
 * @param timeZone  the zone local times of the country are shown in
 * @param timeNames what that time is called ("… time"), blank where unknown
 * @param members   for a shared country, the codes of the countries it joins; empty for a real country
 * @param infrastructureManager the code of the operator that manages and maintains the country's part of the line
 *                  (blank for a shared country: a range across a border has two)
 * @param source    where the row comes from
 */
public record Country(
        String code,
        Names names,
        String language,
        ZoneId timeZone,
        Names timeNames,
        List<String> members,
        String infrastructureManager,
        String source) {
    public Country {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(names, "names");
        language = language == null ? "" : language;
        Objects.requireNonNull(timeZone, "timeZone");
        timeNames = timeNames == null ? new Names("", "", "") : timeNames;
        members = List.copyOf(members);
        infrastructureManager = infrastructureManager == null ? "" : infrastructureManager;
        source = source == null ? "" : source;
    }

    /** The country shared by two neighbours at their border: code {@code A/B}, on the first one's clock. */
    public static Country shared(Country first, Country second) {
        return new Country(
                first.code() + "/" + second.code(),
                new Names(
                        first.names().en() + " / " + second.names().en(),
                        join(first.names().zh(), second.names().zh()),
                        join(first.names().lo(), second.names().lo())),
                "",
                first.timeZone(),
                first.timeNames(),
                List.of(first.code(), second.code()),
                "",
                "the border between " + first.code() + " and " + second.code());
    }

    private static String join(String a, String b) {
        return a.isBlank() || b.isBlank() ? "" : a + " / " + b;
    }

    /** The country's name in its own language, blank where its language or that name is unknown. */
    public String ownName() {
        return switch (language) {
            case "" -> "";
            case "en" -> names.en();
            case "zh" -> names.zh();
            case "lo" -> names.lo();
            default -> names.more().getOrDefault(language, "");
        };
    }

    /** Whether this is the pair of countries at a border rather than one country. */
    public boolean isShared() {
        return !members.isEmpty();
    }

    /** Whether {@code other} is this country or, for a shared one, one of its members. */
    public boolean includes(Country other) {
        return equals(other) || members.contains(other.code());
    }

    /** The code, as the enum this type replaced answered (CN/LA gave CN_LA). */
    public String name() {
        return code.replace('/', '_');
    }

    @Override
    public String toString() {
        return code;
    }
}
