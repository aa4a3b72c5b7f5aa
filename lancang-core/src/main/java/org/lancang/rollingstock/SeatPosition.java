package org.lancang.rollingstock;

public enum SeatPosition {
    WINDOW,
    MIDDLE,
    AISLE
}
