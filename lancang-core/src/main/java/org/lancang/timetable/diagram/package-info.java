/**
 * The time-distance diagram (graphic timetable), the planner's picture of a timetable: distance down the side, with
 * the stretch's points as horizontal lines, time across in one zone's local time, and every train a line through its
 * times (steep is fast, level is standing), coloured and dashed by kind; conflicts are red boxes over the resource and
 * the time they overlap, possessions hatched boxes.
 *
 * <p>{@link org.lancang.timetable.diagram.TimeDistanceDiagram} draws it as a standalone SVG document, a pure function
 * of the day plan and the {@link org.lancang.timetable.diagram.DiagramWindow} (stretch, time window, zone, language);
 * its parts each have a class: the shared layout and scales, the time axis, the station labels, the train lines, the
 * conflict and possession boxes, the legend and the style. Texts in English, Chinese and Lao are in {@link
 * org.lancang.timetable.diagram.DiagramText}. Why on the server: docs/adr/0006.
 *
 * <p>The dispatcher's diagram is the same document with {@link org.lancang.timetable.diagram.RunningLines} over the
 * plan: the day as it ran (actual, thick), as it is forecast (dashed) and as a re-planning proposes it (dotted), and
 * a delay badge per late train. Given none, the planner's document comes out byte for byte as before.
 */
package org.lancang.timetable.diagram;
