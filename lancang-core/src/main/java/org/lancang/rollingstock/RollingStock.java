package org.lancang.rollingstock;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The train types a railway runs. */
public record RollingStock(List<TrainType> types) {
    public RollingStock {
        types = List.copyOf(types);
    }

    public Optional<TrainType> type(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toUpperCase(Locale.ROOT);
        return types.stream().filter(t -> t.code().equals(wanted)).findFirst();
    }
}
