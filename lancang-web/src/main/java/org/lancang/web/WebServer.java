package org.lancang.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.lancang.errors.Clash;
import org.lancang.errors.FieldError;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.Locked;
import org.lancang.errors.NotFound;
import org.lancang.errors.Throttled;
import org.lancang.store.Platform;
import org.lancang.store.freight.ThroughConsignments;
import org.lancang.store.networks.ServedNetwork;
import org.lancang.web.customs.CustomsRoutes;
import org.lancang.web.freight.FreightRoutes;
import org.lancang.web.freight.ThroughRoutes;
import org.lancang.web.http.Access;
import org.lancang.web.http.Auth;
import org.lancang.web.http.BodyLimit;
import org.lancang.web.http.Endpoint;
import org.lancang.web.http.HttpProblem;
import org.lancang.web.http.Json;
import org.lancang.web.http.OpenApi;
import org.lancang.web.http.Problem;
import org.lancang.web.http.ProblemErrorHandler;
import org.lancang.web.http.RequestOrigin;
import org.lancang.web.http.TextInput;
import org.lancang.web.maintenance.MaintenanceRoutes;
import org.lancang.web.network.NetworkRoutes;
import org.lancang.web.networks.NetworksRoutes;
import org.lancang.web.operations.DispatchRoutes;
import org.lancang.web.operations.GtfsRealtimeRoutes;
import org.lancang.web.operations.OperationsRoutes;
import org.lancang.web.rollingstock.RollingStockRoutes;
import org.lancang.web.sales.JourneyRoutes;
import org.lancang.web.sales.SalesRoutes;
import org.lancang.web.timetable.ChangeRoutes;
import org.lancang.web.timetable.RuntimeRoutes;
import org.lancang.web.timetable.TimetableRoutes;
import org.lancang.web.tracking.TrackingRoutes;
import org.lancang.web.tracking.WebhookSender;
import org.lancang.web.users.UserRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: the API (every endpoint declares who may call it), the OpenAPI document and a locally served API
 * explorer, the web UI's static files, and errors as {@code application/problem+json}.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    /** Larger bodies are refused with 413 before any handler reads them. */
    public static final long MAX_REQUEST_BYTES = 1_000_000L;

    public static final String VERSION = "0.1.0";
    /** The most request threads; calls that wait for a commit (payment, cancellation) each hold one meanwhile. */
    static final int SERVER_THREADS = 48;
    /** Where the web UI's folders (under {@code public/} on the classpath) are served. */
    private static final Map<String, String> STATIC_FOLDERS =
            Map.of("/", "pages", "/lib", "lib", "/i18n", "i18n", "/css", "css");

    private final Javalin app;
    private final List<Endpoint> endpoints;
    private final WebhookSender webhooks;

    private WebServer(Javalin app, List<Endpoint> endpoints, WebhookSender webhooks) {
        this.app = app;
        this.endpoints = endpoints;
        this.webhooks = webhooks;
    }

    /**
     * The Content-Security-Policy of every answer: scripts only from Lancang itself (the pages have no inline script
     * and no inline event handler), nothing framed, no plugins. Styles may be inline: two pages keep their own rules
     * in a {@code <style>} block and the server-drawn diagram carries its own, and neither can run code.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'"
            + " 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none';"
            + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Where to listen and whom to believe about the client: the addresses of trusted TLS proxies. */
    public record Options(String host, int port, Set<String> trustedProxies) {
        public Options {
            trustedProxies = Set.copyOf(trustedProxies);
        }
    }

    public static WebServer start(Platform platform, String host, int port) {
        return start(platform, new Options(host, port, Set.of()));
    }

    public static WebServer start(Platform platform, Options options) {
        String host = options.host();
        int port = options.port();
        Auth auth = new Auth(platform.users());
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(Endpoint.get("/health")
                .access(Access.PUBLIC)
                .tag("system")
                .summary("Liveness and database check")
                .returns(Map.class)
                .handle(ctx -> ctx.json(Map.of("status", "UP", "database", databaseStatus(platform)))));
        endpoints.addAll(new NetworkRoutes(platform.networks(), platform.nameFolding(), platform.sales()::localCurrency)
                .endpoints());
        endpoints.addAll(new RollingStockRoutes(platform.reference().rollingStock()).endpoints());
        endpoints.addAll(new UserRoutes(platform.users(), auth).endpoints());
        endpoints.addAll(new TimetableRoutes(
                        platform.timetable(),
                        platform.networkChanges(),
                        auth,
                        platform.operators(),
                        platform.networks())
                .endpoints());
        endpoints.addAll(new ChangeRoutes(
                        platform.networkChanges(),
                        auth,
                        code -> platform.networks()
                                .find(code)
                                .filter(n -> !n.home())
                                .map(ServedNetwork::operators)
                                .orElse(platform.operators()))
                .endpoints());
        endpoints.addAll(new RuntimeRoutes(
                        platform.networks().home().reference(),
                        point -> platform.networks().ofPoint(point).map(ServedNetwork::reference))
                .endpoints());
        endpoints.addAll(new SalesRoutes(platform.networkSales(), auth).endpoints());
        endpoints.addAll(new JourneyRoutes(platform.journeyBookings(), platform.networkSales(), auth).endpoints());
        endpoints.addAll(new MaintenanceRoutes(platform.networkMaintenance(), auth).endpoints());
        endpoints.addAll(new OperationsRoutes(platform.networkOperations(), auth).endpoints());
        ThroughConsignments through =
                new ThroughConsignments(platform.networkFreight(), platform.networks(), platform.networkOperations());
        endpoints.addAll(new FreightRoutes(platform.networkFreight(), auth, platform.networks(), through).endpoints());
        endpoints.addAll(new ThroughRoutes(through, auth).endpoints());
        endpoints.addAll(new CustomsRoutes(platform.networkCustoms(), platform.networkOperations(), auth).endpoints());
        endpoints.addAll(new GtfsRealtimeRoutes(
                        platform.networkOperations(),
                        code -> NetworksRoutes.stopCoordinates(
                                platform.networks().require(code, "network")))
                .endpoints());
        endpoints.addAll(new DispatchRoutes(
                        platform.networkOperations(),
                        code -> platform.networks().require(code, "network").operators())
                .endpoints());
        endpoints.addAll(new NetworksRoutes(platform.networks(), platform.timetable()).endpoints());
        endpoints.addAll(new TrackingRoutes(platform.tracking(), platform.networkCustoms(), auth).endpoints());
        List<Endpoint> all = List.copyOf(endpoints);
        Map<String, Object> openApi = OpenApi.document(all, VERSION);

        Javalin app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.http.maxRequestSize = MAX_REQUEST_BYTES;
            cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            cfg.http.customCompression(svgCompressed());
            // pages/ at the root, so every page keeps its URL (/book.html, /admin/users.html); shared code, strings and
            // style under their own folders
            STATIC_FOLDERS.forEach((hostedPath, folder) -> cfg.staticFiles.add(sf -> {
                sf.hostedPath = hostedPath;
                sf.directory = "/public/" + folder;
                sf.location = Location.CLASSPATH;
            }));
            cfg.staticFiles.enableWebjars();
            cfg.router.ignoreTrailingSlashes = true;
            // Few threads: holds are answered when their commit completes, not by a thread waiting for it, so a rush
            // needs no more threads than the cores can run; more would only take turns on them.
            cfg.jetty.threadPool = new QueuedThreadPool(SERVER_THREADS, 4, 60_000);
            // Jetty's own refusals (URI too long, headers too large, a URL it cannot read) as problem+json too
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
            cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new ProblemErrorHandler()));
        });
        app.before(ctx -> {
            BodyLimit.apply(ctx, MAX_REQUEST_BYTES);
            RequestOrigin.resolve(ctx, options.trustedProxies());
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "same-origin");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            if (ctx.path().startsWith("/api/")) {
                // tokens, bookings with passport numbers, users: nothing the API answers is kept by a cache
                ctx.header("Cache-Control", "no-store");
            }
            if (RequestOrigin.secure(ctx)) {
                ctx.header("Strict-Transport-Security", "max-age=31536000");
            }
        });
        for (Endpoint e : all) {
            app.addHttpHandler(e.method(), e.path(), ctx -> {
                TextInput.check(ctx); // no control characters in any parameter or JSON string, for every endpoint
                auth.require(ctx, e.access());
                e.handler().handle(ctx);
            });
        }
        app.get("/openapi.json", ctx -> ctx.json(openApi));
        app.get("/api-docs", WebServer::apiExplorer);
        app.get(
                "/api-docs-init.js",
                ctx -> ctx.contentType("text/javascript; charset=utf-8")
                        .result(
                                "window.ui = SwaggerUIBundle({url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true});"));
        installErrorHandling(app);
        app.start(host, port);
        LOG.info("Lancang web server on http://{}:{}/", host, app.port());
        // the outbox is drained by the server that serves: what a stopped server left pending is sent from here
        return new WebServer(app, all, WebhookSender.start(platform.tracking()));
    }

    private static String databaseStatus(Platform platform) {
        try {
            platform.database()
                    .jdbi()
                    .withHandle(
                            h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            return "UP";
        } catch (RuntimeException e) {
            return "DOWN";
        }
    }

    private static void installErrorHandling(Javalin app) {
        app.exception(InvalidInput.class, (e, ctx) -> problem(ctx, 400, e.getMessage(), e.errors()));
        app.exception(
                NotFound.class,
                (e, ctx) -> problem(
                        ctx, 404, e.getMessage(), List.of(new FieldError(e.field(), e.getMessage(), e.code()))));
        app.exception(
                Clash.class,
                (e, ctx) -> problem(
                        ctx, 409, e.getMessage(), List.of(new FieldError(e.field(), e.getMessage(), e.code()))));
        app.exception(HttpProblem.class, (e, ctx) -> problem(ctx, e.status(), e.getMessage(), e.errors()));
        app.exception(Throttled.class, (e, ctx) -> {
            ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
            problem(ctx, 429, e.getMessage(), List.of(new FieldError(e.field(), e.getMessage())));
        });
        app.exception(
                Locked.class,
                (e, ctx) -> problem(
                        ctx, 423, e.getMessage(), List.of(new FieldError(e.field(), e.getMessage(), e.code()))));
        app.exception(
                HttpResponseException.class,
                (e, ctx) -> problem(
                        ctx,
                        e.getStatus(),
                        e.getMessage(),
                        e.getStatus() == 413
                                ? List.of(new FieldError("body", "larger than " + MAX_REQUEST_BYTES + " bytes"))
                                : List.of()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            problem(ctx, 500, "an unexpected error; it has been logged", List.of());
        });
        app.error(404, ctx -> {
            if (!isProblem(ctx)) {
                problem(ctx, 404, "no such resource: " + ctx.path(), List.of());
            }
        });
        app.error(405, ctx -> {
            if (!isProblem(ctx)) {
                problem(ctx, 405, ctx.method() + " is not allowed on " + ctx.path(), List.of());
            }
        });
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(Problem.MEDIA_TYPE);
    }

    private static void problem(Context ctx, int status, String detail, List<FieldError> errors) {
        Problem problem = Problem.of(status, detail, ctx.path(), errors);
        try {
            // as UTF-8 bytes: a String result would be encoded in the type's default charset, ISO-8859-1 ("China?Laos")
            ctx.status(status).contentType(Problem.MEDIA_TYPE).result(Json.MAPPER.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            ctx.status(status).contentType(Problem.MEDIA_TYPE).result("{\"status\":" + status + "}");
        }
    }

    /** Swagger UI from the webjar on the classpath: no CDN. */
    private static void apiExplorer(Context ctx) {
        String base = "/webjars/swagger-ui/" + SWAGGER_UI_VERSION;
        ctx.contentType("text/html; charset=utf-8").result("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Lancang API explorer</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <link rel="stylesheet" href="%1$s/swagger-ui.css"></head>
                <body><div id="swagger-ui"></div>
                <script src="%1$s/swagger-ui-bundle.js"></script>
                <script src="/api-docs-init.js"></script>
                </body></html>
                """.formatted(base));
    }

    /** The swagger-ui webjar version, read from its Maven metadata so a version bump needs no code change. */
    private static final String SWAGGER_UI_VERSION = swaggerUiVersion();

    private static String swaggerUiVersion() {
        try (var in = WebServer.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the swagger-ui webjar is missing from the classpath", e);
        }
    }

    public int port() {
        return app.port();
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    @Override
    public void close() {
        webhooks.close();
        app.stop();
    }

    /**
     * Javalin's gzip, with SVG as well: it leaves every image/* type alone, but the planner's diagram is 60 kB of
     * text that gzip makes about a seventh of, on the critical path of a phone on a slow line (Lighthouse).
     */
    private static CompressionStrategy svgCompressed() {
        CompressionStrategy gzip = new CompressionStrategy(null, new Gzip());
        gzip.setAllowedMimeTypes(
                List.of("image/svg+xml", "image/svg+xml; charset=utf-8", "image/svg+xml;charset=utf-8"));
        return gzip;
    }
}
