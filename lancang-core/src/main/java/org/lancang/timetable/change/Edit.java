package org.lancang.timetable.change;

import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lancang.timetable.StopRequest;
import org.lancang.timetable.TrainPlan;

/**
 * One thing a change does to one train, the change's whole vocabulary: {@link Move} its first departure, {@link Add}
 * a train, {@link Cancel} a train, {@link ReplaceStops replace} its stops and meets. A planner's edit, a dispatcher's
 * re-planning and a freight path approved for a shipper are all said in these words.
 */
public sealed interface Edit {
    /** The number of the train the edit is about. */
    String train();

    /** What the edit makes of the train on a date of its scope: empty when the train does not run. */
    Optional<TrainPlan> apply(TrainPlan current, ChangeScope scope);

    /** The train leaves its origin at another local time; everything after follows from the physics. */
    record Move(String train, LocalTime departure) implements Edit {
        public Move {
            Objects.requireNonNull(train, "train");
            Objects.requireNonNull(departure, "departure");
        }

        @Override
        public Optional<TrainPlan> apply(TrainPlan current, ChangeScope scope) {
            return Optional.of(current.withDeparture(departure));
        }
    }

    /** A train that runs only on the dates of the scope (its own calendar is replaced by the scope's). */
    record Add(TrainPlan plan) implements Edit {
        public Add {
            Objects.requireNonNull(plan, "plan");
        }

        @Override
        public String train() {
            return plan.number();
        }

        @Override
        public Optional<TrainPlan> apply(TrainPlan current, ChangeScope scope) {
            return Optional.of(plan.withCalendar(scope.calendar()));
        }
    }

    /** The train does not run on the dates of the scope. */
    record Cancel(String train) implements Edit {
        public Cancel {
            Objects.requireNonNull(train, "train");
        }

        @Override
        public Optional<TrainPlan> apply(TrainPlan current, ChangeScope scope) {
            return Optional.empty();
        }
    }

    /** The train's commercial stops and its meets (waits at loops) are replaced; its departure stays. */
    record ReplaceStops(String train, List<StopRequest> stops, List<StopRequest> meets) implements Edit {
        public ReplaceStops {
            Objects.requireNonNull(train, "train");
            stops = List.copyOf(stops);
            meets = List.copyOf(meets);
        }

        @Override
        public Optional<TrainPlan> apply(TrainPlan current, ChangeScope scope) {
            return Optional.of(current.withStopsAndMeets(stops, meets));
        }
    }
}
