/**
 * The Incoming Email Rules screens: the rules in order and in words, the rule form, moving, enabling and deleting
 * rules, and "Try it" with an uploaded {@code .eml} (a dry run). Uses the parent's shared parts, {@code intake.rules},
 * {@code intake}, and the servers and lookups; nothing imports it.
 */
package dev.mailroom.console.rules;
