/**
 * Accounts and sign-in. {@link org.lancang.store.users.UserService} stores users with their roles, checks passwords,
 * and issues the tokens behind a browser session or an API client (kept hashed; recently checked ones cached in
 * memory). {@link org.lancang.store.users.PasswordHasher} hashes passwords with Argon2id.
 */
package org.lancang.store.users;
