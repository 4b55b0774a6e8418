package dev.mailroom.addresses;

/** Filter Configuration: take mail only from the listed senders (ALLOW), or from everyone but them (IGNORE). */
public enum FilterType {
    ALLOW,
    IGNORE
}
