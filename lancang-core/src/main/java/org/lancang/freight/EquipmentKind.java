package org.lancang.freight;

/**
 * What a pool holds: containers (boxes) by size and kind, and wagons by type. A box counts in TEU (twenty-foot
 * equivalent units) on a container flat, which carries two TEU; a wagon is loaded directly.
 *
 * @param teu       twenty-foot equivalent units of a box (0 for a wagon)
 * @param payloadT  the most a box or wagon may carry, in tonnes (ISO 668 gross ratings minus usual tare for boxes;
 *                  60–70 t wagons of China Railway's C70/P70/NX70/G70 families: commonly published figures)
 * @param tariff    the tariff class it is charged by
 */
public enum EquipmentKind {
    BOX_20(1, 28.0, "BOX_20"),
    BOX_40(2, 26.5, "BOX_40"),
    BOX_40HC(2, 26.5, "BOX_40"),
    REEFER_40(2, 29.0, "BOX_40"),
    FLAT(0, 70.0, "WAGON_4"),
    COVERED(0, 70.0, "WAGON_6"),
    OPEN(0, 70.0, "WAGON_4"),
    TANK(0, 60.0, "WAGON_6");

    private final int teu;
    private final double payloadT;
    private final String tariff;

    EquipmentKind(int teu, double payloadT, String tariff) {
        this.teu = teu;
        this.payloadT = payloadT;
        this.tariff = tariff;
    }

    public boolean isBox() {
        return teu > 0;
    }

    public int teu() {
        return teu;
    }

    public double payloadT() {
        return payloadT;
    }

    public String tariff() {
        return tariff;
    }

    /** Whether goods that need cooling may travel in it. */
    public boolean refrigerated() {
        return this == REEFER_40;
    }
}
