package org.lancang.web.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The OpenAPI 3.0 document, built from the registered endpoints (paths, parameters, schemas, who may call). */
public final class OpenApi {
    private OpenApi() {}

    public static Map<String, Object> document(List<Endpoint> endpoints, String version) {
        JsonSchemas schemas = new JsonSchemas();
        Map<String, Object> paths = new LinkedHashMap<>();
        for (Endpoint e : endpoints) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item =
                    (Map<String, Object>) paths.computeIfAbsent(e.openApiPath(), k -> new LinkedHashMap<>());
            item.put(e.method().name().toLowerCase(Locale.ROOT), operation(e, schemas));
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "object");
        problem.put(
                "properties",
                Map.of(
                        "type",
                        Map.of("type", "string"),
                        "title",
                        Map.of("type", "string"),
                        "status",
                        Map.of("type", "integer"),
                        "detail",
                        Map.of("type", "string"),
                        "instance",
                        Map.of("type", "string"),
                        "field",
                        Map.of("type", "string", "description", "the first request field that was wrong"),
                        "errors",
                        Map.of(
                                "type",
                                "array",
                                "items",
                                Map.of(
                                        "type",
                                        "object",
                                        "properties",
                                        Map.of(
                                                "field",
                                                Map.of("type", "string"),
                                                "message",
                                                Map.of("type", "string"))))));
        Map<String, Object> componentSchemas = new LinkedHashMap<>(schemas.components());
        componentSchemas.put("Problem", problem);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put(
                "info",
                Map.of(
                        "title",
                        "Lancang API",
                        "version",
                        version,
                        "description",
                        "Operations platform for cross-border railways; reference network: the China–Laos Railway. "
                                + "Errors are application/problem+json and name the field that was wrong."));
        doc.put("paths", paths);
        doc.put(
                "components",
                Map.of(
                        "schemas",
                        componentSchemas,
                        "securitySchemes",
                        Map.of(
                                "bearer", Map.of("type", "http", "scheme", "bearer"),
                                "session", Map.of("type", "apiKey", "in", "cookie", "name", Auth.SESSION_COOKIE))));
        return doc;
    }

    private static Map<String, Object> operation(Endpoint e, JsonSchemas schemas) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("tags", List.of(e.tag()));
        op.put("summary", e.summary());
        op.put("description", "Who may call: " + e.access().describe() + ".");
        op.put("x-lancang-access", e.access().describe());
        if (e.access().requiresSignIn()) {
            op.put("security", List.of(Map.of("bearer", List.of()), Map.of("session", List.of())));
        }
        List<Object> params = new ArrayList<>();
        for (Endpoint.Param p : e.params()) {
            params.add(Map.of(
                    "name",
                    p.name(),
                    "in",
                    p.in(),
                    "required",
                    p.required(),
                    "description",
                    p.description(),
                    "schema",
                    Map.of("type", "string")));
        }
        if (!params.isEmpty()) {
            op.put("parameters", params);
        }
        if (e.requestBody() != null) {
            op.put(
                    "requestBody",
                    Map.of(
                            "required",
                            true,
                            "content",
                            Map.of("application/json", Map.of("schema", schemas.schema(e.requestBody())))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("description", "success");
        if (e.response() != null) {
            Map<String, Object> schema = e.responseMediaType().equals("application/json")
                    ? schemas.schema(e.response())
                    : Map.of("type", "string");
            ok.put("content", Map.of(e.responseMediaType(), Map.of("schema", schema)));
        }
        responses.put(String.valueOf(e.successStatus()), ok);
        Map<String, Object> problem = Map.of(
                "description",
                "problem",
                "content",
                Map.of(Problem.MEDIA_TYPE, Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))));
        responses.put("400", problem);
        if (e.access().requiresSignIn()) {
            responses.put("401", problem);
            responses.put("403", problem);
        }
        op.put("responses", responses);
        return op;
    }
}
