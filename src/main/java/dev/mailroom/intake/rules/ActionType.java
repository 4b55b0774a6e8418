package dev.mailroom.intake.rules;

/** What a matching rule does. The SET_* actions take a value; IGNORE and STOP take none. */
public enum ActionType {
    SET_TECHNICIAN_GROUP, SET_CATEGORY, SET_PRIORITY, SET_REQUESTER, IGNORE, STOP;

    public boolean takesValue() {
        return this != IGNORE && this != STOP;
    }
}
