package org.lancang.timetable;

/** Who runs a train: the Chinese section's railway group, or the Lao–Chinese joint venture on the Lao section. */
public enum Operator {
    CR_KUNMING("China Railway Kunming Group", "中国铁路昆明局集团", "https://www.12306.cn/"),
    LCR("Laos-China Railway Company", "老中铁路有限公司", "https://www.lcrc.la/");

    private final String nameEn;
    private final String nameZh;
    private final String url;

    Operator(String nameEn, String nameZh, String url) {
        this.nameEn = nameEn;
        this.nameZh = nameZh;
        this.url = url;
    }

    public String nameEn() {
        return nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String url() {
        return url;
    }
}
