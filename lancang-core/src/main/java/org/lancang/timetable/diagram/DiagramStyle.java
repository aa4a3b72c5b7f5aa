package org.lancang.timetable.diagram;

/** How the diagram looks: the fonts, the width of a text, and the style sheet scoped to the root's class {@code ldd}. */
final class DiagramStyle {
    private DiagramStyle() {}

    static final String FONT = "Noto Sans, Noto Sans CJK SC, Noto Sans Lao, Phetsarath OT, sans-serif";

    /** A rough width of a text in px: wide for Chinese, narrow for Latin and Lao. */
    static double textWidth(String s, double size) {
        double w = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x2E80) {
                w += size;
            } else if (c >= 0x0E80 && c <= 0x0EFF) {
                w += size * 0.5;
            } else {
                w += size * 0.56;
            }
        }
        return w;
    }

    static final String STYLE = "<style>\n"
            + ".ldd text{font-family:" + FONT + "}\n"
            + ".ldd .bg{fill:#fff}.ldd .frame{fill:none;stroke:#6b7785;stroke-width:1}\n"
            + ".ldd .grid-10{stroke:#eef1f4;stroke-width:1}.ldd .grid-30{stroke:#dde3e9;stroke-width:1}"
            + ".ldd .grid-60{stroke:#aeb8c3;stroke-width:1}\n"
            + ".ldd .heading{font-size:16px;font-weight:700;fill:#1b2633}.ldd .caption{font-size:12px;fill:#3b4756}\n"
            + ".ldd .time{font-size:10.5px;fill:#3b4756}.ldd .day{font-size:10.5px;font-weight:700;fill:#1b2633}\n"
            + ".ldd .pt-line{stroke:#5b6672;stroke-width:1;fill:none}.ldd .pt-line.loop{stroke:#98a2ad;stroke-width:.7}\n"
            + ".ldd .pt-line.assumed{stroke-dasharray:4 3}.ldd .pt-line.freight{stroke:#5b6672}\n"
            + ".ldd .pt-line.border{stroke:#c62828;stroke-width:1.4;stroke-dasharray:9 4}\n"
            + ".ldd .name{font-size:12px;font-weight:600;fill:#1b2633}.ldd .name.freight{fill:#7a4410}\n"
            + ".ldd .name.loop{font-size:11px;font-weight:400;fill:#556172}.ldd .name.assumed{font-style:italic}\n"
            + ".ldd .name.border{font-size:11px;font-weight:400;fill:#b42318}\n"
            + ".ldd .km,.ldd .km-head{font-size:10.5px;fill:#556172}.ldd .leader{stroke:#aab4bf;stroke-width:.7;fill:none}\n"
            + ".ldd .track-double{stroke:#3b4756;stroke-width:1.3}.ldd .track-single{stroke:#98a2ad;stroke-width:4}\n"
            + ".ldd .country{font-size:11px;font-weight:700;fill:#b42318;paint-order:stroke;stroke:#fff;stroke-width:3px}\n"
            + ".ldd .train{cursor:pointer}.ldd .train .hit{fill:none;stroke:transparent;stroke-width:9;"
            + "pointer-events:stroke}\n"
            + ".ldd .run{fill:none;stroke-width:1.6;stroke-linejoin:round;stroke-linecap:round}\n"
            + ".ldd [data-category=EMU] .run{stroke:#1f5fbf}\n"
            + ".ldd [data-category=LOCO_HAULED] .run{stroke:#1a7f37;stroke-dasharray:10 3;stroke-linecap:butt}\n"
            + ".ldd [data-category=FREIGHT] .run{stroke:#b35900;stroke-dasharray:6 2.5 1.5 2.5;stroke-linecap:butt}\n"
            + ".ldd .number{font-size:10.5px;font-weight:600;paint-order:stroke;stroke:#fff;stroke-width:3px;"
            + "stroke-linejoin:round}\n"
            + ".ldd [data-category=EMU] .number{fill:#1f5fbf}.ldd [data-category=LOCO_HAULED] .number{fill:#1a7f37}"
            + ".ldd [data-category=FREIGHT] .number{fill:#a35200}\n"
            + ".ldd .train:hover .run,.ldd .train:focus .run,.ldd .train.selected .run{stroke-width:3.4}\n"
            + ".ldd .train:focus{outline:none}.ldd .train.selected .number{font-size:12px}\n"
            + ".ldd .conflict .box,.ldd .conflict-key .box{fill:#e5342a;fill-opacity:.3;stroke:#c62828;stroke-width:1.5}\n"
            + ".ldd .conflict.selected .box{fill-opacity:.55;stroke-width:3}\n"
            + ".ldd .possession .box,.ldd .possession-key .box{fill:url(#ldd-hatch);fill-opacity:.85;stroke:#a36a00;"
            + "stroke-width:1}\n"
            + ".ldd .possession .label{font-size:10.5px;font-weight:600;fill:#6b4500;paint-order:stroke;stroke:#fff4d6;"
            + "stroke-width:3px}\n"
            + ".ldd .legend-text{font-size:11px;fill:#1b2633}\n"
            + "</style>\n";
}
