package org.lancang.rollingstock;

/** One point of a tractive effort–speed curve, in railway units. */
public record TractionPoint(double speedKmh, double effortKn) {}
