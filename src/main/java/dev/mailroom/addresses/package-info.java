/**
 * Address checks the incoming and outgoing server settings share: the plain syntax of addresses and domains, the server
 * forms' field checks, and a server's Allow/Ignore {@code AddressFilter}, which says whether and why a sender or
 * recipient is ignored. A kernel: imports no other Mailroom package, never a feature.
 */
package dev.mailroom.addresses;
