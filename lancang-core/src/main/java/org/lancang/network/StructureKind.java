package org.lancang.network;

public enum StructureKind {
    TUNNEL,
    BRIDGE
}
