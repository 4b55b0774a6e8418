/**
 * The Users screen: desk users searched and filtered, added and edited, archived, deleted and restored after a
 * confirmation. Uses the parent's shared parts and {@code users}; nothing imports it.
 */
package dev.mailroom.console.users;
