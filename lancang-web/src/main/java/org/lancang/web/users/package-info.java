/**
 * Sign-in and user administration over HTTP: sign in and out (a session cookie for the pages, a bearer token for API
 * clients), register as a passenger, and, for admins, list users, add them and set their roles.
 */
package org.lancang.web.users;
