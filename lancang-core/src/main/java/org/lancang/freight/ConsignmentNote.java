package org.lancang.freight;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lancang.errors.FieldError;
import org.lancang.errors.InvalidInput;
import org.lancang.money.Currency;

/**
 * The electronic consignment note, with the fields of the international SMGS / common CIM/SMGS note: the parties, the
 * stations, the border points and carriers (filled in from the line, not typed), the wagons and containers with their
 * seals, the goods with their HS code, packages and gross mass, dangerous goods with UN number, class and packing
 * group, the reefer temperature, the declared value, who pays which carrier's section and the documents attached.
 * {@link #checked} refuses every wrong code (ISO 6346 and UIC check digits, unknown HS and UN codes), a mass over
 * what the booked equipment may carry, and dangerous goods on a slot that excludes them, naming each field.
 */
public record ConsignmentNote(
        Party consignor,
        Party consignee,
        List<String> wagons,
        List<Box> containers,
        List<Goods> goods,
        String unNumber,
        Double reeferTemperatureC,
        BigDecimal declaredValue,
        Currency declaredCurrency,
        List<Payer> payers,
        List<String> documents) {
    public ConsignmentNote {
        wagons = wagons == null ? List.of() : List.copyOf(wagons);
        containers = containers == null ? List.of() : List.copyOf(containers);
        goods = goods == null ? List.of() : List.copyOf(goods);
        payers = payers == null ? List.of() : List.copyOf(payers);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    public record Party(String name, String address) {}

    public record Box(String number, String seal) {}

    public record Goods(String description, String hsCode, int packages, double grossMassKg) {}

    /** Who pays a carrier's section: the consignor or the consignee. */
    public record Payer(String carrier, String pays) {}

    /** What the note is checked against: the booking it is for. */
    public record Context(
            List<EquipmentKind> equipment,
            List<String> allocatedUnits,
            List<String> carriers,
            boolean slotAcceptsDangerousGoods) {}

    /** The note with its codes normalised, or {@link InvalidInput} with every error, each naming its field. */
    public ConsignmentNote checked(GoodsCodes codes, Context context) {
        List<FieldError> errors = new ArrayList<>();
        party(consignor, "consignor", errors);
        party(consignee, "consignee", errors);
        List<String> wagonNumbers = new ArrayList<>();
        for (int i = 0; i < wagons.size(); i++) {
            String number = wagons.get(i);
            String field = "wagons[" + i + "]";
            String checked = attempt(errors, () -> WagonNumber.check(number, field));
            if (checked != null && !context.allocatedUnits().contains(checked)) {
                errors.add(new FieldError(field, checked + " is not a wagon of this booking"));
            }
            wagonNumbers.add(checked);
        }
        List<Box> boxes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < containers.size(); i++) {
            Box b = containers.get(i);
            String field = "containers[" + i + "]";
            String number =
                    b == null ? null : attempt(errors, () -> ContainerNumber.check(b.number(), field + ".number"));
            if (number != null && !seen.add(number)) {
                errors.add(new FieldError(field + ".number", number + " is listed twice"));
            }
            if (number != null && !context.allocatedUnits().contains(number)) {
                errors.add(new FieldError(field + ".number", number + " is not a box of this booking"));
            }
            if (b != null && (b.seal() == null || !b.seal().strip().matches("[A-Za-z0-9-]{4,20}"))) {
                errors.add(new FieldError(field + ".seal", "a seal number has 4–20 letters or digits"));
            }
            boxes.add(new Box(
                    number, b == null || b.seal() == null ? null : b.seal().strip()));
        }
        if (goods.isEmpty()) {
            errors.add(new FieldError("goods", "list at least one kind of goods"));
        }
        double mass = 0;
        for (int i = 0; i < goods.size(); i++) {
            Goods g = goods.get(i);
            String field = "goods[" + i + "]";
            if (g == null) {
                errors.add(new FieldError(field, "is empty"));
                continue;
            }
            if (g.description() == null || g.description().isBlank()) {
                errors.add(new FieldError(field + ".description", "describe the goods"));
            }
            attempt(errors, () -> codes.hs(g.hsCode(), field + ".hsCode"));
            if (g.packages() < 1) {
                errors.add(new FieldError(field + ".packages", "must be at least 1"));
            }
            if (!(g.grossMassKg() > 0)) {
                errors.add(new FieldError(field + ".grossMassKg", "must be more than 0"));
            }
            mass += Math.max(0, g.grossMassKg());
        }
        double capacityKg = context.equipment().stream()
                        .mapToDouble(EquipmentKind::payloadT)
                        .sum()
                * 1000;
        if (mass > capacityKg) {
            errors.add(new FieldError(
                    "goods",
                    "gross mass " + Math.round(mass) + " kg is more than the booked equipment carries ("
                            + Math.round(capacityKg) + " kg)",
                    "over-capacity"));
        }
        if (unNumber != null && !unNumber.isBlank()) {
            attempt(errors, () -> codes.un(unNumber, "unNumber"));
            if (!context.slotAcceptsDangerousGoods()) {
                errors.add(new FieldError(
                        "unNumber", "this slot does not accept dangerous goods", "dangerous-goods-excluded"));
            }
        }
        boolean reefer = context.equipment().stream().anyMatch(EquipmentKind::refrigerated);
        if (reeferTemperatureC != null && !reefer) {
            errors.add(new FieldError("reeferTemperatureC", "only a reefer box has a set temperature"));
        }
        if (reefer && (reeferTemperatureC == null || reeferTemperatureC < -30 || reeferTemperatureC > 30)) {
            errors.add(new FieldError("reeferTemperatureC", "give the reefer's set temperature, −30 … 30 °C"));
        }
        if (declaredValue == null || declaredValue.signum() < 0) {
            errors.add(new FieldError("declaredValue", "must be 0 or more"));
        }
        if (declaredCurrency == null) {
            errors.add(new FieldError("declaredCurrency", "is required (a currency of the freight tariffs)"));
        }
        for (int i = 0; i < payers.size(); i++) {
            Payer p = payers.get(i);
            if (p == null || !context.carriers().contains(p.carrier())) {
                errors.add(new FieldError(
                        "payers[" + i + "].carrier", "must be one of the carriers " + context.carriers()));
            }
            if (p == null || !List.of("CONSIGNOR", "CONSIGNEE").contains(p.pays())) {
                errors.add(new FieldError("payers[" + i + "].pays", "must be CONSIGNOR or CONSIGNEE"));
            }
        }
        for (String carrier : context.carriers()) {
            if (payers.stream()
                            .filter(p -> p != null && carrier.equals(p.carrier()))
                            .count()
                    != 1) {
                errors.add(new FieldError("payers", "say once who pays the section of " + carrier));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new ConsignmentNote(
                consignor,
                consignee,
                wagonNumbers,
                boxes,
                goods,
                unNumber == null || unNumber.isBlank()
                        ? null
                        : unNumber.replace("UN", "").strip(),
                reeferTemperatureC,
                declaredValue,
                declaredCurrency,
                payers,
                documents.stream().map(String::strip).filter(d -> !d.isEmpty()).toList());
    }

    public double grossMassKg() {
        return goods.stream().mapToDouble(Goods::grossMassKg).sum();
    }

    private static void party(Party p, String field, List<FieldError> errors) {
        if (p == null || p.name() == null || p.name().isBlank()) {
            errors.add(new FieldError(field + ".name", "is required"));
        }
        if (p == null || p.address() == null || p.address().isBlank()) {
            errors.add(new FieldError(field + ".address", "is required"));
        }
    }

    private interface Check<T> {
        T run();
    }

    private static <T> T attempt(List<FieldError> errors, Check<T> check) {
        try {
            return check.run();
        } catch (InvalidInput e) {
            errors.addAll(e.errors());
            return null;
        }
    }
}
