package org.lancang.web.freight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.lancang.freight.ConsignmentNote;
import org.lancang.freight.GoodsCodes;
import org.lancang.freight.Tariffs;
import org.lancang.freight.ThroughQuote;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.Route;
import org.lancang.store.freight.FreightRecords;
import org.lancang.store.freight.FreightService;
import org.lancang.store.freight.ThroughConsignments;
import org.lancang.timetable.Operators;
import org.lancang.web.freight.ConsignmentNotePdf.Block;
import org.lancang.web.freight.ConsignmentNotePdf.Line;

/**
 * The boxes of the SMGS consignment note, labelled in Chinese, Lao and English, filled from the note, its booking and
 * the line (stations with their codes and three names, the border control stations passed, each carrier's section),
 * the last two along the way the booking's train runs ({@link NoteRoute}).
 */
final class NotePdfBlocks {
    private NotePdfBlocks() {}

    /**
     * The note's boxes; with {@code onward} (a through consignment, or null) the route goes on past the yard: the
     * final destination, the transshipment and the carriers beyond it.
     */
    static List<Block> of(
            FreightService freight,
            Operators operators,
            FreightRecords.Booking booking,
            FreightRecords.Note n,
            ThroughConsignments.Through onward,
            ThroughConsignments through) {
        ConsignmentNote note = n.note();
        Network network = freight.network();
        Point from = network.point(booking.from()).orElseThrow();
        Point to = network.point(booking.to()).orElseThrow();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block(
                "1 运单 · ໃບນຳສົ່ງສິນຄ້າ · Consignment",
                List.of(
                        new Line("运单号 · ເລກທີໃບນຳສົ່ງ · Consignment number", n.consignmentNumber()),
                        new Line(
                                "承运日期 · ວັນທີຮັບສິນຄ້າ · Acceptance date",
                                n.acceptedOn().toString()),
                        new Line(
                                "车次及日期 · ຂະບວນລົດ ແລະ ວັນທີ · Train and date",
                                booking.train() + " · " + booking.serviceDate()))));
        blocks.add(new Block(
                "2 发货人 / 收货人 · ຜູ້ສົ່ງ / ຜູ້ຮັບ · Consignor / consignee",
                List.of(
                        new Line(
                                "发货人 · ຜູ້ສົ່ງສິນຄ້າ · Consignor",
                                note.consignor().name() + ", "
                                        + note.consignor().address()),
                        new Line(
                                "收货人 · ຜູ້ຮັບສິນຄ້າ · Consignee",
                                note.consignee().name() + ", "
                                        + note.consignee().address()))));
        List<Line> route = new ArrayList<>();
        route.add(new Line("发站 · ສະຖານີຕົ້ນທາງ · Departure station", station(from)));
        route.add(new Line("到站 · ສະຖານີປາຍທາງ · Destination station", station(to)));
        Route way = freight.way(booking);
        String borders = NoteRoute.borderStations(network, way).stream()
                .map(NotePdfBlocks::station)
                .collect(Collectors.joining("; "));
        route.add(new Line("国境站 · ສະຖານີຊາຍແດນ · Border points", borders));
        for (Tariffs.CarrierPart part : freight.data().tariffs().parts(network, way)) {
            route.add(new Line(
                    "承运人及区段 · ຜູ້ຂົນສົ່ງ ແລະ ຊ່ວງທາງ · Carrier and section",
                    carrierName(operators, part.carrier()) + ": " + NoteRoute.part(part)));
        }
        if (onward != null) {
            route.addAll(beyond(onward, through));
        }
        blocks.add(new Block("3 路径 · ເສັ້ນທາງ · Route", route));
        List<Line> equipment = new ArrayList<>();
        equipment.add(new Line("车辆号 · ເລກລົດບັນທຸກ · Wagon numbers", String.join(", ", note.wagons())));
        for (ConsignmentNote.Box b : note.containers()) {
            equipment.add(new Line(
                    "集装箱号 / 施封号 · ເລກຕູ້ / ເລກຊີນ · Container / seal",
                    b.number() + " / " + (b.seal() == null ? "—" : b.seal())));
        }
        blocks.add(new Block("4 车辆及集装箱 · ລົດບັນທຸກ ແລະ ຕູ້ຄອນເທນເນີ · Wagons and containers", equipment));
        List<Line> goods = new ArrayList<>();
        GoodsCodes codes = freight.data().codes();
        for (ConsignmentNote.Goods g : note.goods()) {
            goods.add(new Line(
                    "货物品名 · ລາຍການສິນຄ້າ · Goods (HS)",
                    g.description() + " (HS " + g.hsCode() + ": "
                            + codes.hsCodes().getOrDefault(g.hsCode(), "") + ")"));
            goods.add(new Line(
                    "件数 / 毛重 · ຈຳນວນຫີບຫໍ່ / ນ້ຳໜັກລວມ · Packages / gross mass",
                    g.packages() + " / " + String.format(Locale.ROOT, "%,.0f kg", g.grossMassKg())));
        }
        goods.add(new Line(
                "总毛重 · ນ້ຳໜັກລວມທັງໝົດ · Total gross mass",
                String.format(Locale.ROOT, "%,.0f kg", note.grossMassKg())));
        if (note.unNumber() != null) {
            GoodsCodes.DangerousGood dg = codes.un(note.unNumber(), "unNumber");
            goods.add(new Line(
                    "危险货物 · ສິນຄ້າອັນຕະລາຍ · Dangerous goods",
                    "UN " + dg.unNumber() + " " + dg.description() + ", class " + dg.hazardClass() + ", packing group "
                            + dg.packingGroup()));
        } else {
            goods.add(new Line("危险货物 · ສິນຄ້າອັນຕະລາຍ · Dangerous goods", "否 · ບໍ່ມີ · none"));
        }
        if (note.reeferTemperatureC() != null) {
            goods.add(new Line(
                    "冷藏温度 · ອຸນຫະພູມຕູ້ເຢັນ · Reefer temperature",
                    String.format(Locale.ROOT, "%+.1f °C", note.reeferTemperatureC())));
        }
        blocks.add(new Block("5 货物 · ສິນຄ້າ · Goods", goods));
        List<Line> money = new ArrayList<>();
        money.add(new Line(
                "声明价格 · ມູນຄ່າທີ່ແຈ້ງ · Declared value",
                note.declaredValue().toPlainString() + " "
                        + note.declaredCurrency().code()));
        for (ConsignmentNote.Payer p : note.payers()) {
            money.add(new Line(
                    "运费支付 · ຜູ້ຈ່າຍຄ່າຂົນສົ່ງ · Who pays",
                    carrierName(operators, p.carrier()) + ": " + payer(p.pays())));
        }
        money.add(new Line("添附文件 · ເອກະສານຄັດຕິດ · Attached documents", String.join("; ", note.documents())));
        blocks.add(new Block("6 费用及文件 · ຄ່າໃຊ້ຈ່າຍ ແລະ ເອກະສານ · Charges and documents", money));
        return blocks;
    }

    /** The route past the yard: the transshipment, each carrier beyond it, the final destination. */
    private static List<Line> beyond(ThroughConsignments.Through t, ThroughConsignments through) {
        ThroughQuote q = t.quote();
        Network there = through.networkOf(t);
        List<Line> out = new ArrayList<>();
        out.add(new Line(
                "换装 · ການຖ່າຍສິນຄ້າຂ້າມລາງ · Transshipment (break of gauge)",
                q.yard().otherPoint() + " → "
                        + station(there.point(q.yard().point()).orElseThrow())
                        + String.format(
                                Locale.ROOT,
                                ": %d boxes, %d batches of %d wagons, %d h %02d min (%d + %d tracks)",
                                q.boxes(),
                                q.batches(),
                                q.yard().batchWagons(),
                                q.transshipmentTime().toHours(),
                                q.transshipmentTime().toMinutesPart(),
                                q.yard().tracksOther(),
                                q.yard().tracksHere())));
        for (ThroughQuote.Section s : q.second().sections()) {
            out.add(new Line(
                    "承运人及区段 · ຜູ້ຂົນສົ່ງ ແລະ ຊ່ວງທາງ · Carrier and section",
                    through.carrierName(s.carrier()) + ": " + s.from() + " – " + s.to()
                            + String.format(Locale.ROOT, ", %.0f km", s.tariffKm())));
        }
        out.add(new Line(
                "最终到站 · ສະຖານີປາຍທາງສຸດທ້າຍ · Final destination",
                station(there.point(t.to()).orElseThrow()) + " (" + t.network() + ")"));
        return out;
    }

    private static String station(Point p) {
        return p.names().zh() + " · " + p.names().lo() + " · " + p.names().en() + " (" + p.code() + ")";
    }

    private static String carrierName(Operators operators, String code) {
        return operators
                .byCode(code)
                .map(o -> o.nameZh() + " · " + o.nameLo() + " · " + o.nameEn())
                .orElse(code);
    }

    private static String payer(String pays) {
        return switch (pays == null ? "" : pays.toUpperCase(Locale.ROOT)) {
            case "CONSIGNOR" -> "发货人 · ຜູ້ສົ່ງສິນຄ້າ · consignor";
            case "CONSIGNEE" -> "收货人 · ຜູ້ຮັບສິນຄ້າ · consignee";
            default -> pays;
        };
    }
}
