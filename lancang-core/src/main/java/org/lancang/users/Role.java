package org.lancang.users;

/** What a person may do in Lancang. A user holds one or more roles. */
public enum Role {
    /** Manages users and roles. */
    ADMIN,
    /** Builds the timetable: trains, paths, possessions. */
    PLANNER,
    /** Runs the live railway: train running, delays, meets. */
    DISPATCHER,
    /** Looks after the infrastructure: assets, inspections, defects, work orders. */
    MAINTAINER,
    /** Sells tickets at a window for other people. */
    AGENT,
    /** Buys tickets for themselves. */
    PASSENGER,
    /** Books freight paths and wagons. */
    SHIPPER,
    /** The railway's freight office: approves or refuses shippers' path requests, sees every booking (ADR 0014). */
    FREIGHT_OFFICE,
    /**
     * A customs officer of one country (assigned by an administrator): reads and decides the release of the
     * consignments cleared at that country's border control stations (issue 18).
     */
    CUSTOMS,
    /** A machine: the train-describer feed that reports trains at timing points (running events only). */
    TRAIN_DESCRIBER
}
