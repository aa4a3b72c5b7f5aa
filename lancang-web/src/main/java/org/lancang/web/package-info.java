/**
 * The HTTP adapter. {@link org.lancang.web.WebServer} registers every endpoint of every feature's routes with its
 * access check, serves the OpenAPI document and a local API explorer, serves the web UI's static files (pages at the
 * root, shared code under /lib, strings under /i18n, style under /css) and turns every refusal into {@code
 * application/problem+json}. It decides nothing about the railway: the routes translate HTTP into calls on the
 * services of lancang-store.
 */
package org.lancang.web;
