/**
 * The intake: takes RECEIVED emails from the {@code spool} through the ordered stages ({@code IntakeStages}, each an
 * {@code IntakeStage}) and records where each ended (audit entry, ticket or reply, new state) in one transaction; also
 * reprocessing, dry runs, poison emails and {@code /api/intake}. The stages live in the subpackages, which import this
 * package back. Of the flow it imports {@code incoming} and {@code outgoing}, neither of which may import it; never an
 * edge package.
 */
package dev.mailroom.intake;
