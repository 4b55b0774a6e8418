/**
 * Incoming Email Rules: conditions on an email (all or any) whose actions set the group, category, priority or
 * requester, ignore the email or stop later rules; their storage, checks, order and {@code /api/incoming-rules}; and
 * {@code RulesStage}, one of the parent's stages, which runs regular expressions under a step budget. Imports the
 * parent, {@code intake.parse}, {@code incoming}, desk records and kernels; never an edge package.
 */
package dev.mailroom.intake.rules;
