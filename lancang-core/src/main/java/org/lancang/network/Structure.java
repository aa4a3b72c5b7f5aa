package org.lancang.network;

/** A named tunnel or bridge with its km range. */
public record Structure(
        Names names,
        StructureKind kind,
        double fromKm,
        double toKm,
        double lengthM,
        Country country,
        KmQuality kmQuality,
        String source) {}
