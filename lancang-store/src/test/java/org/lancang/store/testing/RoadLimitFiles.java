package org.lancang.store.testing;

import org.lancang.data.DataFiles;
import org.lancang.store.networks.ServedNetwork;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.timetable.RoadClosureLimits;

/** The Bangkok line's folder as shipped but for the road's daily limit on its shared bridge, which a test sets. */
public final class RoadLimitFiles {
    public static final ClasspathDataFiles SHIPPED = new ClasspathDataFiles("vientiane-bangkok");

    private RoadLimitFiles() {}

    /** The folder with the first shared bridge's road closed at most {@code perDay} minutes a day. */
    public static DataFiles withDailyLimit(long perDay) {
        String bridge = ServedNetwork.fromFiles(SHIPPED)
                .roadRailBridges()
                .bridges()
                .get(0)
                .name();
        return name -> name.equals(RoadClosureLimits.FILE)
                ? "bridge,max_closed_min_per_day,max_single_closure_min,source\n" + bridge + "," + perDay + ",,test\n"
                : SHIPPED.read(name);
    }
}
