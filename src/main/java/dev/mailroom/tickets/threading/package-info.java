/**
 * How mail finds its ticket: ticket references in subjects ({@code [INC-42]}, {@code Re: Printer (inc-42)}) and the
 * signed Message-IDs of the mail Mailroom sends ({@code <INC-42.random.signature@domain>}), which tell a genuine reply
 * from a forged one. Stands apart from its parent (neither imports the other); intake stages and notifications use it.
 * Imports only {@code platform} and {@code secrets}.
 */
package dev.mailroom.tickets.threading;
