package dev.mailroom.intake.rules;

/** How a condition compares; every operator ignores case. DOMAIN_IS also accepts subdomains, as the sender filter does. */
public enum ConditionOperator {
    CONTAINS, EQUALS, REGEX, DOMAIN_IS
}
