package org.lancang.timetable;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Who runs a train, or who manages the infrastructure of a country's part of the line: a railway undertaking or an
 * infrastructure manager, read from a network's {@code operators.csv} (see {@link Operators}). The two roles may be
 * one company (each Chinese and Lao company does both on its side) or two (a foreign operator's trains on a stub that a
 * national manager keeps).
 *
 * <p>An operator is identified by its code: two values with the same code are equal, so a train plan read from a file
 * or the database ({@link #valueOf}, which knows only the code) equals the full value of {@link Operators}.
 */
public final class Operator implements Comparable<Operator> {
    private final String code;
    private final String nameEn;
    private final String nameZh;
    private final String nameLo;
    private final String url;
    private final List<String> runsTrainsIn;
    private final List<String> managesInfrastructureIn;
    private final int salesDaysAhead;
    private final String source;

    /**
     * @param runsTrainsIn            codes of the countries where it runs trains and sells their tickets
     * @param managesInfrastructureIn codes of the countries whose part of the line it manages and maintains
     * @param salesDaysAhead          how many days ahead its trains go on sale (0 when not known)
     */
    public Operator(
            String code,
            String nameEn,
            String nameZh,
            String nameLo,
            String url,
            List<String> runsTrainsIn,
            List<String> managesInfrastructureIn,
            int salesDaysAhead,
            String source) {
        this.code = normalise(code);
        if (!this.code.matches("[A-Z][A-Z0-9_]{1,31}")) {
            throw new IllegalArgumentException("'" + code + "' is not an operator code (capital letters, digits, _)");
        }
        this.nameEn = nameEn == null || nameEn.isBlank() ? this.code : nameEn;
        this.nameZh = nameZh == null ? "" : nameZh;
        this.nameLo = nameLo == null ? "" : nameLo;
        this.url = url == null ? "" : url;
        this.runsTrainsIn = List.copyOf(runsTrainsIn);
        this.managesInfrastructureIn = List.copyOf(managesInfrastructureIn);
        this.salesDaysAhead = salesDaysAhead;
        this.source = source == null ? "" : source;
    }

    /** The operator with this code and nothing else known of it (as a train plan or a database row names it). */
    public static Operator valueOf(String code) {
        Objects.requireNonNull(code, "code");
        return new Operator(code, "", "", "", "", List.of(), List.of(), 0, "");
    }

    private static String normalise(String code) {
        return Objects.requireNonNull(code, "code").strip().toUpperCase(Locale.ROOT);
    }

    public String code() {
        return code;
    }

    /** The code, as the enum this type replaced answered. */
    public String name() {
        return code;
    }

    public String nameEn() {
        return nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameLo() {
        return nameLo;
    }

    public String url() {
        return url;
    }

    public List<String> runsTrainsIn() {
        return runsTrainsIn;
    }

    public List<String> managesInfrastructureIn() {
        return managesInfrastructureIn;
    }

    public int salesDaysAhead() {
        return salesDaysAhead;
    }

    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Operator other && other.code.equals(code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public int compareTo(Operator o) {
        return code.compareTo(o.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
