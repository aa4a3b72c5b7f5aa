package org.lancang.network;

/** Which country a point or structure lies in; the border point and the Friendship Tunnel lie in both. */
public enum Country {
    CN("CN"),
    LA("LA"),
    CN_LA("CN/LA");

    private final String code;

    Country(String code) {
        this.code = code;
    }

    /** The code used in data files and the API: CN, LA or CN/LA. */
    public String code() {
        return code;
    }

    public static Country fromCode(String code) {
        for (Country c : values()) {
            if (c.code.equalsIgnoreCase(code.strip())) {
                return c;
            }
        }
        throw new IllegalArgumentException("'" + code + "' is not one of CN, LA, CN/LA");
    }
}
