/**
 * Operator accounts and sign-in: accounts with a role (admin, technician) and {@code /api/accounts}, the first admin
 * created on the first start, and Spring Security's two filter chains (HTTP basic for the API, form login for pages)
 * with 401 and 403 as problem details. An edge: it imports only {@code platform} and {@code web}; only {@code console}
 * imports it, for {@code Role}, and nothing imports the accounts.
 */
package dev.mailroom.security;
