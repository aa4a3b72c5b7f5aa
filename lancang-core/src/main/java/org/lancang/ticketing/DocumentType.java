package org.lancang.ticketing;

/** Travel documents accepted at the ticket office. Only a passport takes a passenger across the border. */
public enum DocumentType {
    CHINESE_RESIDENT_ID,
    PASSPORT,
    LAO_ID_CARD
}
