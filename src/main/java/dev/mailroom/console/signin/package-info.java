/**
 * The Sign-in Locks screen: accounts and client addresses locked after too many failed sign-ins, and lifting a lock,
 * from {@code security.SignInLimiter}; nothing imports it.
 */
package dev.mailroom.console.signin;
