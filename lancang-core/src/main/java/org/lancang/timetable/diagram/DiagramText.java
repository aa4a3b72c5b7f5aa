package org.lancang.timetable.diagram;

import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import org.lancang.network.Network;

/** The diagram's own words in English, Chinese and Lao ({name} placeholders filled by {@link #t}). */
final class DiagramText {
    private static final Map<String, String[]> TEXTS = new TreeMap<>();

    static {
        put("title", "Time-distance diagram", "列车运行图", "ແຜນວາດເວລາ-ໄລຍະທາງ");
        put("zone.other", "{zone} time", "{zone} 时间", "ເວລາ {zone}");
        put("timesIn", "All times: {zone}", "时间均为{zone}", "ເວລາທັງໝົດ: {zone}");
        put(
                "otherZone",
                "{other} = {display} {diff} h",
                "{other} = {display} {diff} 小时",
                "{other} = {display} {diff} ຊົ່ວໂມງ");
        put("single", "single track", "单线", "ທາງດ່ຽວ");
        put("double", "double track", "双线", "ທາງຄູ່");
        put("assumed", "(assumed)", "（假定）", "(ສົມມຸດ)");
        put("assumedLoop", "assumed passing loop", "假定会让站", "ສະຖານີຫຼີກລົດ (ສົມມຸດ)");
        put("kind.PASSENGER", "passenger station", "客运站", "ສະຖານີໂດຍສານ");
        put("kind.PASSING_LOOP", "passing loop", "会让站", "ສະຖານີຫຼີກລົດ");
        put("kind.FREIGHT", "freight station", "货运站", "ສະຖານີສິນຄ້າ");
        put("kind.BORDER", "state border", "国境线", "ຊາຍແດນ");
        put("cat.EMU", "EMU", "动车组", "ລົດໄຟຟ້າ (EMU)");
        put("cat.LOCO_HAULED", "Locomotive-hauled", "机车牵引", "ລາກດ້ວຍຫົວລົດຈັກ");
        put("cat.FREIGHT", "Freight", "货物列车", "ລົດສິນຄ້າ");
        put("conflict", "Conflict", "冲突", "ຂໍ້ຂັດແຍ່ງ");
        put("possession", "Possession (works)", "施工天窗", "ປິດທາງເພື່ອສ້ອມແປງ");
        put("conflictOn", "Conflict on {resource}", "冲突：{resource}", "ຂໍ້ຂັດແຍ່ງ: {resource}");
        put("possessionOf", "Possession {id}: {from} – {to}", "施工天窗 {id}：{from} – {to}", "ປິດທາງ {id}: {from} – {to}");
        put("res.line", "single-track line {from} – {to}", "{from}–{to} 单线区间", "ທາງດ່ຽວ {from} – {to}");
        put(
                "res.block",
                "block {n} of {from} – {to}, towards {towards}",
                "{from}–{to} 第 {n} 闭塞分区（往{towards}方向）",
                "ບລັອກ {n} ຂອງ {from} – {to}, ໄປທາງ {towards}");
        put("res.track", "track {n} at {station}", "{station} {n} 道", "ທາງ {n} ທີ່ {station}");
        put("arr", "arr", "到", "ຮອດ");
        put("dep", "dep", "发", "ອອກ");
        put("pass", "pass", "通过", "ຜ່ານ");
        put(
                "hold",
                "{train} held at {station} until customs release every consignment; forecast departure {time}",
                "{train} 在{station}等待海关放行全部货物；预计 {time} 发车",
                "{train} ຖືກກັກໄວ້ທີ່ {station} ຈົນກວ່າພາສີຈະປ່ອຍສິນຄ້າທຸກລາຍການ; ຄາດວ່າອອກເວລາ {time}");
        put("holdMark", "H", "扣", "ກ");
        put("serviceDate", "service date {date}", "开行日期 {date}", "ວັນເດີນລົດ {date}");
        put("km", "km", "公里", "ກມ");
        put(
                "summary",
                "Trains: {trains} · conflicts: {conflicts} · possessions: {possessions}",
                "列车：{trains} · 冲突：{conflicts} · 施工天窗：{possessions}",
                "ຂະບວນ: {trains} · ຂໍ້ຂັດແຍ່ງ: {conflicts} · ການປິດທາງ: {possessions}");
    }

    private DiagramText() {}

    private static void put(String key, String en, String zh, String lo) {
        TEXTS.put(key, new String[] {en, zh, lo});
    }

    /** The text in {@code language}, placeholders given as name, value, name, value… */
    static String t(String language, String key, Object... vars) {
        String[] texts = TEXTS.get(key);
        if (texts == null) {
            throw new IllegalArgumentException("no diagram text " + key);
        }
        String s = switch (language) {
            case "zh" -> texts[1];
            case "lo" -> texts[2];
            default -> texts[0];
        };
        for (int i = 0; i + 1 < vars.length; i += 2) {
            s = s.replace("{" + vars[i] + "}", String.valueOf(vars[i + 1]));
        }
        return s;
    }

    /** A zone's everyday name, as its country's data calls it ("… time"), or "Asia/Bangkok time" when none does. */
    static String zoneName(String language, ZoneId zone, Network network) {
        return network.timeName(zone)
                .map(n -> n.in(language))
                .orElseGet(() -> t(language, "zone.other", "zone", zone.getId()));
    }
}
