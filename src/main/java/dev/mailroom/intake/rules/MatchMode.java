package dev.mailroom.intake.rules;

/** Whether a rule needs all of its conditions to hold, or any one of them. */
public enum MatchMode {
    ALL, ANY
}
