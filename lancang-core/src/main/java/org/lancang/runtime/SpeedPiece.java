package org.lancang.runtime;

/** A stretch of constant speed limit, {@code [fromM, toM)}, in head positions. */
record SpeedPiece(double fromM, double toM, double speedMps) {}
