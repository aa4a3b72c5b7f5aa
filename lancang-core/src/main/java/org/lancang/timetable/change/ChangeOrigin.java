package org.lancang.timetable.change;

/** Who a change comes from: it decides nothing about the change, it says where to look for the reason. */
public enum ChangeOrigin {
    /** A planner's edit on the planner's page, the API or the command line. */
    PLANNER,
    /** A dispatcher's applied re-planning proposal (a dispatching order). */
    DISPATCH,
    /** A freight path approved for a shipper. */
    FREIGHT
}
