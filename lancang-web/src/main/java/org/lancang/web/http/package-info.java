/**
 * The machinery every route shares. An {@link org.lancang.web.http.Endpoint} is one declaration: method, path, who may
 * call it ({@link org.lancang.web.http.Access}), its parameters, its request body ({@code …Input}) and answer ({@code
 * …View}), and its handler. The same list registers the routes, builds the OpenAPI document ({@link
 * org.lancang.web.http.OpenApi}, {@link org.lancang.web.http.JsonSchemas}) and lets the tests prove that every
 * endpoint refuses strangers and other roles (docs/adr/0008). {@link org.lancang.web.http.Auth} reads the session
 * cookie or bearer token; {@link org.lancang.web.http.Params} reads query and path parameters by type; {@link
 * org.lancang.web.http.Json} reads bodies strictly; {@link org.lancang.web.http.Problem} and {@link
 * org.lancang.web.http.HttpProblem} carry errors that name their field (docs/adr/0009).
 */
package org.lancang.web.http;
