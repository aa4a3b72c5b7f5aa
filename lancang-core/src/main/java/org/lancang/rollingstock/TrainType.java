package org.lancang.rollingstock;

import java.util.List;

/**
 * A train type: everything the running-time physics and the seat inventory need to know about a formation.
 * Resistance is Davis' formula R[kN] = A + B·v + C·v² with v in km/h.
 *
 * @param rotatingMassFactor  effective mass / static mass (rotating wheels, motors)
 * @param brakingMps2         service braking deceleration used for planning
 * @param tractionCurve       tractive effort against speed, from 0 to the maximum speed
 * @param supplements         what a timetable adds to this type's bare running time (supplements at each stop, allowance)
 * @param assumptions         the engineering assumptions behind figures that were not published
 */
public record TrainType(
        String code,
        String name,
        TrainCategory category,
        String consist,
        double massT,
        double rotatingMassFactor,
        double lengthM,
        int maxSpeedKmh,
        double davisAKn,
        double davisBKnPerKmh,
        double davisCKnPerKmh2,
        double brakingMps2,
        double maxPowerKw,
        List<TractionPoint> tractionCurve,
        List<Car> cars,
        TimetableSupplements supplements,
        String source,
        String assumptions,
        int gaugeMm,
        Traction traction) {
    public TrainType {
        supplements = supplements == null ? TimetableSupplements.none() : supplements;
        tractionCurve = List.copyOf(tractionCurve);
        cars = List.copyOf(cars);
    }

    /** The type with the gauge and traction of {@code other} (the data files', over a stored type). */
    public TrainType withRunningGearOf(TrainType other) {
        return new TrainType(
                code,
                name,
                category,
                consist,
                massT,
                rotatingMassFactor,
                lengthM,
                maxSpeedKmh,
                davisAKn,
                davisBKnPerKmh,
                davisCKnPerKmh2,
                brakingMps2,
                maxPowerKw,
                tractionCurve,
                cars,
                supplements,
                source,
                assumptions,
                other.gaugeMm,
                other.traction);
    }

    /** Every seat of the formation, car by car, in seat-number order. */
    public List<Seat> seats() {
        return cars.stream().flatMap(c -> c.seats().stream()).toList();
    }

    public int seatCount() {
        return cars.stream().mapToInt(c -> c.seats().size()).sum();
    }

    /** Davis resistance on level track in kN at {@code speedKmh}. */
    public double resistanceKn(double speedKmh) {
        return davisAKn + davisBKnPerKmh * speedKmh + davisCKnPerKmh2 * speedKmh * speedKmh;
    }
}
