package org.lancang.store.customs;

import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.lancang.customs.AdvanceData;
import org.lancang.freight.ConsignmentNote;
import org.lancang.store.edi.EdiSchemas;
import org.lancang.store.edi.Interchanges;

/**
 * The advance cargo data of one train at one border as the UN/EDIFACT customs cargo report (CUSCAR D.99B) that the
 * border's customs take, written with StAEDI and checked against the schema of the segments Lancang uses
 * ({@value #SCHEMA}). It is written once, when the data is sent, and kept as sent (the customs message outbox), which
 * is why it lives beside the service rather than in the web layer: the stored text is the record of what went out.
 * An amendment is a whole new report (BGM function 5, replace) that names the first one (RFF+ACW).
 */
public final class CargoReport {
    public static final String SCHEMA = "/edi/cuscar-lancang.xml";
    public static final String MEDIA_TYPE = "application/edifact";

    /**
     * ISO 10646 (syntax level Y, version 4), sent as UTF-8: consignors' and consignees' names are often Chinese or Lao,
     * which the Latin levels (UNOC) cannot carry. Version 4's interchange date has the century (CCYYMMDD).
     */
    private static final String SYNTAX = "UNOY";

    private static final int NAME_LINE = 35;

    private final Schema schema;

    private CargoReport(Schema schema) {
        this.schema = schema;
    }

    /** The schema from the classpath. */
    public static CargoReport load() {
        return new CargoReport(EdiSchemas.load(SCHEMA));
    }

    /**
     * What one report says.
     *
     * @param interchange the interchange reference (the message's number in the outbox)
     * @param document    this report's document number (the manifest reference and its version)
     * @param original    the first report's document number, for an amendment; null for the first
     * @param lines       the consignments declared (complete and sent), each with its note
     */
    public record Content(
            String sender,
            String receiver,
            long interchange,
            String document,
            String original,
            AdvanceData.Manifest manifest,
            List<AdvanceData.Line> lines,
            Instant at) {}

    /** The document number of a manifest's report of {@code version}. */
    public static String document(AdvanceData.Manifest manifest, int version) {
        return manifest.reference() + "-V" + version;
    }

    /** One interchange with one CUSCAR message. */
    public String write(Content c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String reference = String.valueOf(c.interchange());
        try (EDIStreamWriter w = EDIOutputFactory.newFactory().createEDIStreamWriter(out, "UTF-8")) {
            Interchanges.start(w, SYNTAX, 4, c.sender(), c.receiver(), c.at(), reference, "CUSCAR");
            Counter n = new Counter();
            n.count++; // UNH
            n.segment(w, "BGM")
                    .writeElement("85")
                    .writeElement(c.document())
                    .writeElement(c.original() == null ? "9" : "5");
            w.writeEndSegment();
            dtm(w, n, "137", c.at());
            if (c.original() != null) {
                n.segment(w, "RFF");
                w.writeStartElement()
                        .writeComponent("ACW")
                        .writeComponent(c.original())
                        .endElement();
                w.writeEndSegment();
            }
            loc(w, n, "22", c.manifest().crossing().control().code());
            n.segment(w, "TDT").writeElement("20").writeElement(c.manifest().train());
            w.writeElement("2");
            w.writeEndSegment();
            dtm(w, n, "132", c.manifest().arrivesAt());
            int i = 0;
            for (AdvanceData.Line line : c.lines()) {
                consignment(w, n, ++i, line);
            }
            Interchanges.end(w, n.count, reference);
        } catch (EDIStreamException e) {
            throw new IllegalStateException("could not write the CUSCAR message", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void consignment(EDIStreamWriter w, Counter n, int i, AdvanceData.Line line)
            throws EDIStreamException {
        ConsignmentNote note = line.consignment().note();
        n.segment(w, "CNI")
                .writeElement(String.valueOf(i))
                .writeElement(line.consignment().consignmentNumber());
        w.writeEndSegment();
        nad(w, n, "CZ", note.consignor());
        nad(w, n, "CN", note.consignee());
        loc(w, n, "9", line.consignment().from());
        loc(w, n, "11", line.consignment().to());
        int g = 0;
        for (ConsignmentNote.Goods goods : note.goods()) {
            n.segment(w, "GID").writeElement(String.valueOf(++g)).writeElement(String.valueOf(goods.packages()));
            w.writeEndSegment();
            n.segment(w, "FTX").writeElement("AAA").writeEmptyElement().writeEmptyElement();
            w.writeStartElement();
            for (String part : lines(goods.description(), 512)) {
                w.writeComponent(part);
            }
            w.endElement();
            w.writeEndSegment();
            n.segment(w, "PIA").writeElement("5");
            w.writeStartElement()
                    .writeComponent(goods.hsCode())
                    .writeComponent("HS")
                    .endElement();
            w.writeEndSegment();
            n.segment(w, "MEA").writeElement("AAE").writeElement("G");
            w.writeStartElement()
                    .writeComponent("KGM")
                    .writeComponent(BigDecimal.valueOf(goods.grossMassKg())
                            .stripTrailingZeros()
                            .toPlainString())
                    .endElement();
            w.writeEndSegment();
        }
        for (ConsignmentNote.Box box : note.containers()) {
            n.segment(w, "EQD").writeElement("CN").writeElement(box.number());
            w.writeEndSegment();
            n.segment(w, "SEL").writeElement(box.seal());
            w.writeEndSegment();
        }
        for (String wagon : note.wagons()) {
            n.segment(w, "EQD").writeElement("RR").writeElement(wagon);
            w.writeEndSegment();
        }
    }

    private static void nad(EDIStreamWriter w, Counter n, String qualifier, ConsignmentNote.Party party)
            throws EDIStreamException {
        n.segment(w, "NAD").writeElement(qualifier).writeEmptyElement();
        w.writeStartElement();
        for (String part : lines(party.name() + ", " + party.address(), NAME_LINE)) {
            w.writeComponent(part);
        }
        w.endElement();
        w.writeEndSegment();
    }

    /**
     * A text cut into the five lines of {@code width} characters an element of names or free text has; what does not
     * fit is left out (a name and address of more than 175 characters is cut, and the note keeps the whole).
     */
    static List<String> lines(String text, int width) {
        List<String> out = new ArrayList<>();
        String rest = text.strip();
        while (!rest.isEmpty() && out.size() < 5) {
            int end = Math.min(width, rest.length());
            int space = rest.lastIndexOf(' ', end);
            if (end < rest.length() && space > 0) {
                end = space; // a line ends between words where it can
            } else if (end < rest.length() && Character.isHighSurrogate(rest.charAt(end - 1))) {
                end--; // never split a character in two
            }
            out.add(rest.substring(0, end).strip());
            rest = rest.substring(end).strip();
        }
        return out;
    }

    private static void loc(EDIStreamWriter w, Counter n, String qualifier, String place) throws EDIStreamException {
        n.segment(w, "LOC").writeElement(qualifier).writeElement(place);
        w.writeEndSegment();
    }

    private static void dtm(EDIStreamWriter w, Counter n, String qualifier, Instant at) throws EDIStreamException {
        n.count++;
        Interchanges.dtm(w, qualifier, at);
    }

    /** Counts the message's segments as they start, for UNT. */
    private static final class Counter {
        int count;

        EDIStreamWriter segment(EDIStreamWriter w, String tag) throws EDIStreamException {
            count++;
            return w.writeStartSegment(tag);
        }
    }

    /**
     * What is wrong with a message against the EDIFACT envelope and Lancang's CUSCAR schema, each as "segment N (TAG),
     * element M: error"; empty when it passes.
     */
    public List<String> check(String message) {
        List<String> problems = new ArrayList<>();
        try (EDIStreamReader r = EDIInputFactory.newFactory()
                .createEDIStreamReader(
                        new ByteArrayInputStream(message.strip().getBytes(StandardCharsets.UTF_8)), "UTF-8")) {
            while (r.hasNext()) {
                EDIStreamEvent event = r.next();
                switch (event) {
                    case START_TRANSACTION -> r.setTransactionSchema(schema);
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR ->
                        problems.add(EdiSchemas.where(r.getLocation()) + ": " + r.getErrorType()
                                + (r.getReferenceCode() == null ? "" : " (" + r.getReferenceCode() + ")"));
                    default -> {
                        // the rest is data the schema has checked
                    }
                }
            }
        } catch (Exception e) {
            problems.add("not a readable EDIFACT interchange: " + e);
        }
        return problems;
    }
}
