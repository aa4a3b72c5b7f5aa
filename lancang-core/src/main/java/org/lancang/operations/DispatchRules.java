package org.lancang.operations;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lancang.data.CsvTable;
import org.lancang.data.DataFileException;
import org.lancang.rollingstock.TrainCategory;

/**
 * The dispatcher's figures, from {@code dispatching.csv}: how much a second of delay weighs per train priority, the
 * shortest turn of a set at a terminus per train category, the least saving worth a re-planning proposal, and how much
 * of the plan's running-time allowance a late train can make up (in percent).
 */
public record DispatchRules(
        Map<TrainPriority, Long> weights,
        Map<TrainCategory, Duration> turnarounds,
        long meetImprovementSeconds,
        int allowanceRecoveryPercent) {
    public static final String FILE = "dispatching.csv";

    public DispatchRules {
        weights = Map.copyOf(weights);
        turnarounds = Map.copyOf(turnarounds);
        if (allowanceRecoveryPercent < 0 || allowanceRecoveryPercent > 100) {
            throw new IllegalArgumentException("allowanceRecoveryPercent: must be 0 to 100");
        }
        for (TrainPriority p : TrainPriority.values()) {
            if (!weights.containsKey(p)) {
                throw new IllegalArgumentException("weights: no weight for " + p);
            }
        }
        for (TrainCategory c : TrainCategory.values()) {
            if (!turnarounds.containsKey(c)) {
                throw new IllegalArgumentException("turnarounds: no turnaround for " + c);
            }
        }
    }

    public long weight(TrainPriority priority) {
        return weights.get(priority);
    }

    public Duration turnaround(TrainCategory category) {
        return turnarounds.get(category);
    }

    /**
     * The least time a late train needs for a leg: its fastest time plus the share of the allowance it cannot make up
     * (rounded up to the second), never more than the plan gives it.
     */
    public long recoverableLeg(long fastestSeconds, long plannedSeconds) {
        if (plannedSeconds <= fastestSeconds) {
            return plannedSeconds;
        }
        long allowance = plannedSeconds - fastestSeconds;
        long kept = (allowance * (100 - allowanceRecoveryPercent) + 99) / 100;
        return fastestSeconds + kept;
    }

    public static DispatchRules parse(String text) {
        CsvTable table = CsvTable.parse(FILE, text, List.of("rule", "value", "unit", "basis"));
        Map<TrainPriority, Long> weights = new EnumMap<>(TrainPriority.class);
        Map<TrainCategory, Duration> turns = new EnumMap<>(TrainCategory.class);
        Long improvement = null;
        Integer recovery = null;
        for (CsvTable.Row row : table.rows()) {
            String rule = row.required("rule");
            row.required("basis");
            if (rule.startsWith("weight_")) {
                TrainPriority p = enumOf(row, TrainPriority.class, rule.substring("weight_".length()));
                weights.put(p, (long) row.integerBetween("value", 1, 1_000));
            } else if (rule.startsWith("turnaround_")) {
                TrainCategory c = enumOf(row, TrainCategory.class, rule.substring("turnaround_".length()));
                turns.put(c, Duration.ofMinutes(row.integerBetween("value", 0, 24 * 60)));
            } else if (rule.equals("meet_improvement_seconds")) {
                improvement = (long) row.integerBetween("value", 0, 86_400);
            } else if (rule.equals("allowance_recovery_percent")) {
                recovery = row.integerBetween("value", 0, 100);
            } else {
                throw row.error("rule", "'" + rule + "' is not a rule Lancang knows");
            }
        }
        for (TrainPriority p : TrainPriority.values()) {
            if (!weights.containsKey(p)) {
                throw new DataFileException(
                        FILE, 1, "rule", "no weight_" + p.name().toLowerCase(Locale.ROOT));
            }
        }
        for (TrainCategory c : TrainCategory.values()) {
            if (!turns.containsKey(c)) {
                throw new DataFileException(
                        FILE, 1, "rule", "no turnaround_" + c.name().toLowerCase(Locale.ROOT));
            }
        }
        if (improvement == null) {
            throw new DataFileException(FILE, 1, "rule", "no meet_improvement_seconds");
        }
        if (recovery == null) {
            throw new DataFileException(FILE, 1, "rule", "no allowance_recovery_percent");
        }
        return new DispatchRules(weights, turns, improvement, recovery);
    }

    private static <E extends Enum<E>> E enumOf(CsvTable.Row row, Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(name)) {
                return e;
            }
        }
        throw row.error("rule", "'" + name + "' is not one of " + Arrays.toString(type.getEnumConstants()));
    }
}
