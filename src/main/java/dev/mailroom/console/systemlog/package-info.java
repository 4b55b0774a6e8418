/**
 * The System Log screen: the newest warnings and errors of Mailroom's log file, read from its tail; nothing imports it.
 */
package dev.mailroom.console.systemlog;
