package org.lancang.store.edi;

import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The envelope and date segments every UN/EDIFACT message Lancang sends writes alike (IFTSTA to shippers, CUSCAR to
 * customs): the interchange header and trailer, the message header and trailer, and a DTM in UTC. Only what lies
 * between is each message's own.
 */
public final class Interchanges {
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");
    /** A DTM's time in format 203 (CCYYMMDDHHMM), to write and to read. */
    public static final DateTimeFormatter DTM_203 = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

    private Interchanges() {}

    /**
     * Starts the interchange (UNB) and its one message (UNH 1, {@code type}:D:99B:UN). The interchange date has the
     * century from syntax version 4 on, as the syntax rules say; before it, two digits.
     */
    public static void start(
            EDIStreamWriter w,
            String syntax,
            int version,
            String sender,
            String receiver,
            Instant at,
            String reference,
            String type)
            throws EDIStreamException {
        LocalDateTime t = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        w.startInterchange();
        w.writeStartSegment("UNB");
        w.writeStartElement()
                .writeComponent(syntax)
                .writeComponent(String.valueOf(version))
                .endElement();
        w.writeStartElement().writeComponent(sender).writeComponent("ZZZ").endElement();
        w.writeStartElement().writeComponent(receiver).writeComponent("ZZZ").endElement();
        w.writeStartElement()
                .writeComponent(t.format(version >= 4 ? CCYYMMDD : YYMMDD))
                .writeComponent(t.format(HHMM))
                .endElement();
        w.writeElement(reference);
        w.writeEndSegment();
        w.writeStartSegment("UNH");
        w.writeElement("1");
        w.writeStartElement()
                .writeComponent(type)
                .writeComponent("D")
                .writeComponent("99B")
                .writeComponent("UN")
                .endElement();
        w.writeEndSegment();
    }

    /** A DTM segment: {@code qualifier}, the time in UTC to the minute, format 203 (which carries no offset). */
    public static void dtm(EDIStreamWriter w, String qualifier, Instant at) throws EDIStreamException {
        w.writeStartSegment("DTM");
        w.writeStartElement()
                .writeComponent(qualifier)
                .writeComponent(LocalDateTime.ofInstant(at, ZoneOffset.UTC).format(DTM_203))
                .writeComponent("203")
                .endElement();
        w.writeEndSegment();
    }

    /**
     * Ends the message (UNT) and the interchange (UNZ). {@code segments} counts the message's segments from UNH on,
     * before UNT: UNT counts itself too.
     */
    public static void end(EDIStreamWriter w, int segments, String reference) throws EDIStreamException {
        w.writeStartSegment("UNT").writeElement(String.valueOf(segments + 1)).writeElement("1");
        w.writeEndSegment();
        w.writeStartSegment("UNZ").writeElement("1").writeElement(reference);
        w.writeEndSegment();
        w.endInterchange();
    }
}
