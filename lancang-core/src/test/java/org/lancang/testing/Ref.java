package org.lancang.testing;

import java.time.ZoneId;
import org.lancang.network.Country;
import org.lancang.network.Network;
import org.lancang.reference.ReferenceData;
import org.lancang.timetable.Operator;
import org.lancang.timetable.Operators;

/** The reference line's countries, operators and zones as its data defines them, for tests that name them. */
public final class Ref {
    public static final Network NETWORK =
            ReferenceData.parse(ReferenceFiles.chinaLaos()).network();
    public static final Country CN = NETWORK.country("CN").orElseThrow();
    public static final Country LA = NETWORK.country("LA").orElseThrow();
    public static final Country CN_LA = NETWORK.country("CN/LA").orElseThrow();
    public static final Operator CR_KUNMING = Operator.valueOf("CR_KUNMING");
    public static final Operator LCR = Operator.valueOf("LCR");
    public static final Operators OPERATORS =
            Operators.parse(Operators.FILE, ReferenceFiles.chinaLaos().read(Operators.FILE), NETWORK);
    public static final ZoneId CHINA = CN.timeZone();
    public static final ZoneId LAOS = LA.timeZone();

    private Ref() {}
}
