package org.lancang.rollingstock;

/** What moves a train type: electric traction needs an electrified section, diesel traction runs anywhere. */
public enum Traction {
    ELECTRIC,
    DIESEL
}
