package org.lancang.web.tracking;

import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamWriter;
import io.xlate.edi.stream.Location;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lancang.errors.FieldError;
import org.lancang.errors.InvalidInput;
import org.lancang.store.edi.EdiSchemas;
import org.lancang.store.edi.Interchanges;
import org.lancang.store.tracking.TrackingRecords.Report;
import org.lancang.store.tracking.TrackingRecords.Tracked;
import org.lancang.tracking.BoxEvent;
import org.lancang.tracking.BoxEventType;

/**
 * UN/EDIFACT IFTSTA status messages, written and read with StAEDI and checked against the schema of the segments
 * Lancang uses ({@code /edi/iftsta-lancang.xml}): one message per consignment, one CNI group, one STS group per event
 * (status code, booking reference, date and time in UTC, place, the train for train steps, the box or wagon). Times
 * are UTC, as DTM's format 203 carries no offset.
 */
public final class Iftsta {
    public static final String SCHEMA = "/edi/iftsta-lancang.xml";
    public static final String MEDIA_TYPE = "application/edifact";

    private static final Map<BoxEventType, String> CODES = new EnumMap<>(BoxEventType.class);
    private static final Map<String, BoxEventType> TYPES = new HashMap<>();

    static {
        CODES.put(BoxEventType.GATE_IN, "GIN");
        CODES.put(BoxEventType.LOADED, "LOD");
        CODES.put(BoxEventType.DEPARTED, "DEP");
        CODES.put(BoxEventType.PASSED, "PAS");
        CODES.put(BoxEventType.BORDER_EXIT, "BEX");
        CODES.put(BoxEventType.BORDER_ENTRY, "BEN");
        CODES.put(BoxEventType.CUSTOMS_RELEASE, "CUR");
        CODES.put(BoxEventType.CUSTOMS_HOLD, "CUH");
        CODES.put(BoxEventType.ARRIVED, "ARR");
        CODES.put(BoxEventType.TRANSSHIPPED, "TRS");
        CODES.put(BoxEventType.DELIVERED, "DLV");
        CODES.put(BoxEventType.EMPTY_RETURNED, "EMR");
        CODES.forEach((t, c) -> TYPES.put(c, t));
    }

    private final Schema schema;

    private Iftsta(Schema schema) {
        this.schema = schema;
    }

    /** The schema from the classpath. */
    public static Iftsta load() {
        return new Iftsta(EdiSchemas.load(SCHEMA));
    }

    /** The status code of a step (Lancang's list, in the schema's enumeration of data element 4405). */
    public static String code(BoxEventType type) {
        return CODES.get(type);
    }

    /**
     * One interchange with one IFTSTA message for a consignment's events.
     *
     * @param reference the interchange and message reference (at most 14 characters)
     */
    public String write(
            String sender, String receiver, String reference, String consignment, List<Tracked> events, Instant now) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (EDIStreamWriter w = EDIOutputFactory.newFactory().createEDIStreamWriter(out)) {
            Interchanges.start(w, "UNOC", 3, sender, receiver, now, reference, "IFTSTA");
            int segments = 1; // UNH
            w.writeStartSegment("BGM")
                    .writeElement("23")
                    .writeElement(reference)
                    .writeElement("9");
            w.writeEndSegment();
            segments++;
            Interchanges.dtm(w, "137", now);
            segments++;
            w.writeStartSegment("CNI").writeElement("1").writeElement(consignment);
            w.writeEndSegment();
            segments++;
            for (Tracked tr : events) {
                BoxEvent e = tr.event();
                w.writeStartSegment("STS").writeElement("1").writeElement(code(e.type()));
                w.writeEndSegment();
                w.writeStartSegment("RFF");
                w.writeStartElement()
                        .writeComponent("BN")
                        .writeComponent(e.bookingId())
                        .endElement();
                w.writeEndSegment();
                Interchanges.dtm(w, "334", e.at());
                w.writeStartSegment("LOC").writeElement("175").writeElement(e.location());
                w.writeEndSegment();
                segments += 4;
                if (e.type().fromTrain() && e.train() != null) {
                    w.writeStartSegment("TDT")
                            .writeElement("20")
                            .writeElement(e.train())
                            .writeElement("2");
                    w.writeEndSegment();
                    segments++;
                }
                w.writeStartSegment("EQD")
                        .writeElement(e.unit().length() == 11 ? "CN" : "RR")
                        .writeElement(e.unit());
                w.writeEndSegment();
                segments++;
            }
            Interchanges.end(w, segments, reference);
        } catch (EDIStreamException e) {
            throw new IllegalStateException("could not write the IFTSTA message", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * What is wrong with a message against the EDIFACT envelope and Lancang's IFTSTA schema, each named by its segment
     * ({@code segment 7 (STS), element 2}); empty when it passes.
     */
    public List<FieldError> check(String message) {
        List<FieldError> problems = new ArrayList<>();
        read(message, problems, new ArrayList<>());
        return problems;
    }

    /** The status reports of a message that passes the schema, or 400 naming the segments that do not. */
    public List<Report> reports(String message) {
        List<FieldError> problems = new ArrayList<>();
        List<Report> reports = new ArrayList<>();
        read(message, problems, reports);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (reports.isEmpty()) {
            throw new InvalidInput("body", "the message carries no status (STS) group");
        }
        return reports;
    }

    private void read(String message, List<FieldError> problems, List<Report> reports) {
        if (message == null || message.isBlank()) {
            problems.add(new FieldError("body", "is empty: send an IFTSTA interchange (UNB … UNZ)"));
            return;
        }
        try (EDIStreamReader r = EDIInputFactory.newFactory()
                .createEDIStreamReader(new ByteArrayInputStream(message.strip().getBytes(StandardCharsets.UTF_8)))) {
            String segment = null;
            List<String> values = new ArrayList<>();
            Status current = null;
            while (r.hasNext()) {
                EDIStreamEvent event = r.next();
                switch (event) {
                    case START_TRANSACTION -> r.setTransactionSchema(schema);
                    case START_SEGMENT -> {
                        segment = r.getText();
                        values.clear();
                    }
                    case ELEMENT_DATA -> values.add(r.getText());
                    case END_SEGMENT -> {
                        current = take(segment, values, current, reports, problems, r.getLocation());
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR ->
                        problems.add(new FieldError(
                                EdiSchemas.where(r.getLocation()),
                                r.getErrorType()
                                        + (r.getReferenceCode() == null ? "" : " (" + r.getReferenceCode() + ")")
                                        + (event == EDIStreamEvent.ELEMENT_DATA_ERROR && r.getText() != null
                                                ? ": '" + r.getText() + "'"
                                                : "")));
                    default -> {
                        // loops, composites and the envelope carry nothing of their own here
                    }
                }
            }
            finish(current, reports, problems);
        } catch (EDIStreamException | RuntimeException e) {
            problems.add(new FieldError("body", "not a readable EDIFACT interchange: " + e.getMessage()));
        } catch (Exception e) {
            problems.add(new FieldError("body", "not a readable EDIFACT interchange: " + e));
        }
    }

    /** A status group being read. */
    private static final class Status {
        final String field;
        BoxEventType type;
        String booking;
        Instant at;
        String location;
        String unit;

        Status(String field) {
            this.field = field;
        }
    }

    private static Status take(
            String segment,
            List<String> v,
            Status current,
            List<Report> reports,
            List<FieldError> problems,
            Location at) {
        if (segment == null) {
            return current;
        }
        switch (segment) {
            case "STS" -> {
                finish(current, reports, problems);
                Status s = new Status(EdiSchemas.where(at));
                s.type = v.size() > 1 ? TYPES.get(v.get(1)) : null;
                return s;
            }
            case "RFF" -> {
                if (current != null && v.size() > 1 && "BN".equals(v.get(0))) {
                    current.booking = v.get(1);
                }
            }
            case "DTM" -> {
                if (current != null && v.size() > 1 && "334".equals(v.get(0))) {
                    try {
                        current.at = LocalDateTime.parse(v.get(1), Interchanges.DTM_203)
                                .toInstant(ZoneOffset.UTC);
                    } catch (DateTimeParseException e) {
                        problems.add(new FieldError(
                                EdiSchemas.where(at), "'" + v.get(1) + "' is not a date and time CCYYMMDDHHMM"));
                    }
                }
            }
            case "LOC" -> {
                if (current != null && v.size() > 1) {
                    current.location = v.get(1);
                }
            }
            case "EQD" -> {
                if (current != null && v.size() > 1) {
                    current.unit = v.get(1);
                }
            }
            case "UNT" -> {
                finish(current, reports, problems);
                return null;
            }
            default -> {
                // BGM, CNI, TDT: read for the schema only
            }
        }
        return current;
    }

    private static void finish(Status s, List<Report> reports, List<FieldError> problems) {
        if (s == null) {
            return;
        }
        if (s.type == null || s.booking == null || s.at == null || s.unit == null) {
            problems.add(new FieldError(
                    s.field, "the status group lacks its code, booking (RFF+BN), time (DTM+334) or" + " unit (EQD)"));
            return;
        }
        reports.add(new Report(s.booking, s.unit, s.type, s.location, s.at));
    }
}
