/**
 * The network over HTTP, public: the points with their names in three languages, km, zone and tracks; the sections;
 * the named structures. The assumed passing loops are listed only when asked for ({@code ?include=assumed}).
 */
package org.lancang.web.network;
