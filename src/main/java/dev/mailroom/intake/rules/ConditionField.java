package dev.mailroom.intake.rules;

/** The part of an email a condition looks at. HEADER names the header in the condition. */
public enum ConditionField {
    FROM, TO, CC, SUBJECT, BODY, HEADER;

    /** Address fields hold mailboxes, so DOMAIN_IS makes sense for them and EQUALS compares the bare address. */
    public boolean holdsAddresses() {
        return this == FROM || this == TO || this == CC;
    }
}
