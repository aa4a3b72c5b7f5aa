package org.lancang.web.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * One API endpoint: method, path, who may call it, what it takes and gives (for the OpenAPI document), and the code.
 * Built fluently: {@code Endpoint.get("/api/users").access(Access.roles(ADMIN)).summary(…).returns(…).handle(…)}.
 */
public final class Endpoint {
    /** A path or query parameter, for the OpenAPI document. */
    public record Param(String name, String in, boolean required, String description) {}

    private final HandlerType method;
    private final String path;
    private Access access;
    private String tag = "general";
    private String summary = "";
    private Class<?> requestBody;
    private Type response;
    private String responseMediaType = "application/json";
    private int successStatus = 200;
    private final List<Param> params = new ArrayList<>();
    private Handler handler;

    private Endpoint(HandlerType method, String path) {
        this.method = method;
        this.path = path;
    }

    public static Endpoint get(String path) {
        return new Endpoint(HandlerType.GET, path);
    }

    public static Endpoint post(String path) {
        return new Endpoint(HandlerType.POST, path);
    }

    public static Endpoint put(String path) {
        return new Endpoint(HandlerType.PUT, path);
    }

    public static Endpoint delete(String path) {
        return new Endpoint(HandlerType.DELETE, path);
    }

    public Endpoint access(Access value) {
        this.access = value;
        return this;
    }

    public Endpoint tag(String value) {
        this.tag = value;
        return this;
    }

    public Endpoint summary(String value) {
        this.summary = value;
        return this;
    }

    public Endpoint body(Class<?> value) {
        this.requestBody = value;
        return this;
    }

    public Endpoint returns(Type value) {
        this.response = value;
        return this;
    }

    public Endpoint returns(Type value, String mediaType) {
        this.response = value;
        this.responseMediaType = mediaType;
        return this;
    }

    public Endpoint status(int value) {
        this.successStatus = value;
        return this;
    }

    public Endpoint pathParam(String name, String description) {
        params.add(new Param(name, "path", true, description));
        return this;
    }

    public Endpoint query(String name, boolean required, String description) {
        params.add(new Param(name, "query", required, description));
        return this;
    }

    public Endpoint handle(Handler value) {
        this.handler = value;
        return this;
    }

    public HandlerType method() {
        return method;
    }

    public String path() {
        return path;
    }

    public Access access() {
        return access;
    }

    public String tag() {
        return tag;
    }

    public String summary() {
        return summary;
    }

    public Class<?> requestBody() {
        return requestBody;
    }

    public Type response() {
        return response;
    }

    public String responseMediaType() {
        return responseMediaType;
    }

    public int successStatus() {
        return successStatus;
    }

    public List<Param> params() {
        return List.copyOf(params);
    }

    public Handler handler() {
        return handler;
    }

    /** The path in OpenAPI form: Javalin's {@code {code}} is already the OpenAPI syntax. */
    public String openApiPath() {
        return path;
    }

    void checkComplete() {
        if (access == null) {
            throw new IllegalStateException(method + " " + path + " does not declare who may call it");
        }
        if (handler == null) {
            throw new IllegalStateException(method + " " + path + " has no handler");
        }
    }
}
