/**
 * How Lancang says no. A request can be wrong in three ways, and each has its exception, so that every adapter answers
 * it the same way: it breaks a rule of its own ({@link org.lancang.errors.InvalidInput}, carrying one {@link
 * org.lancang.errors.FieldError} per wrong field, with the field named as the request names it, such as {@code
 * passengers[1].document}, an English message and optionally the code of the rule, such as {@code
 * document-not-accepted}, that a page translates); it names something that does not exist ({@link
 * org.lancang.errors.NotFound}); or it clashes with what exists, such as a seat already sold or a username taken
 * ({@link org.lancang.errors.Clash}).
 *
 * <p>{@link org.lancang.errors.Validation} collects the errors of a request so that all of them are reported at once.
 * The web layer turns these into 400, 404 and 409 {@code application/problem+json} (docs/adr/0009); the command line
 * prints them one per line and exits with 2. A refused request changes nothing.
 */
package org.lancang.errors;
