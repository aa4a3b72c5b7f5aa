/**
 * The networks served, over HTTP and for the command line: which networks there are (the <em>home network</em>, the
 * database's, first), each one's points and trains, and each one's GTFS feed ({@code /gtfs/<network>.zip}; the home
 * network's is also {@code /gtfs.zip}). A network other than home is read-only: its folder's timetable, no sales or
 * maintenance yet.
 */
package org.lancang.web.networks;
