package org.lancang.store.edi;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.Location;
import java.io.IOException;
import java.io.InputStream;

/**
 * One way to load an EDIFACT message's schema and to say where a check failed, so that IFTSTA and CUSCAR report their
 * problems in the same words ({@code segment 7 (STS), element 2}).
 */
public final class EdiSchemas {
    private EdiSchemas() {}

    /**
     * The schema at {@code resource} (an absolute classpath path such as {@code /edi/cuscar-lancang.xml}). A missing or
     * unreadable schema is a broken build, not a bad request: it fails at once, naming the resource.
     */
    public static Schema load(String resource) {
        try (InputStream in = EdiSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return SchemaFactory.newFactory().createSchema(in);
        } catch (IOException | EDISchemaException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** Where a problem is, as a person reading the interchange counts: {@code segment 7 (STS), element 2}. */
    public static String where(Location l) {
        String tag = l.getSegmentTag() == null ? "" : " (" + l.getSegmentTag() + ")";
        return "segment " + l.getSegmentPosition() + tag
                + (l.getElementPosition() > 0 ? ", element " + l.getElementPosition() : "");
    }
}
