/**
 * The demo profile ({@code demo}): a GreenMail server on loopback whose desk mailbox is preloaded with sample emails,
 * and, on the first start, the incoming and outgoing servers that use it. An edge: it may import any lower layer (today
 * {@code incoming}, {@code outgoing}, {@code addresses} and {@code transport}); nothing imports it.
 */
package dev.mailroom.demo;
