/**
 * The base of the REST API: every error as RFC 9457 problem details with field errors (not found, conflict, bad
 * request, a JSON body of the wrong shape), page requests and pages, and the OpenAPI description. Imports no other
 * Mailroom package ({@code platform} is the most it may import).
 */
package dev.mailroom.web;
