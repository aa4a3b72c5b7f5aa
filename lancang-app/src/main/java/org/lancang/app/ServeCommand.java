package org.lancang.app;

import java.net.BindException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.lancang.data.DataFiles;
import org.lancang.errors.InvalidInput;
import org.lancang.store.Platform;
import org.lancang.store.networks.NetworkFolders;
import org.lancang.store.operations.ServerClock;
import org.lancang.store.users.UserService;
import org.lancang.users.Role;
import org.lancang.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lancang serve}: the database, the reference data, the API and the web UI, until Ctrl-C. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Start Lancang: embedded PostgreSQL (or --db-url), reference network, web UI and API.")
final class ServeCommand implements Callable<Integer> {
    /** The train-describer feed account made on the first start. */
    static final String FEED_ACCOUNT = "describer";

    @Option(
            names = "--port",
            defaultValue = "${env:LANCANG_PORT:-8080}",
            description = "HTTP port (default 8080, env LANCANG_PORT)")
    int port;

    @Option(
            names = "--host",
            defaultValue = "${env:LANCANG_HOST:-localhost}",
            description = "interface to listen on (default localhost; 0.0.0.0 for all, env LANCANG_HOST)")
    String host;

    @Option(
            names = "--trusted-proxy",
            split = ",",
            defaultValue = "${env:LANCANG_TRUSTED_PROXY}",
            description = "address(es) of the TLS proxy in front of Lancang, whose X-Forwarded-Proto and"
                    + " X-Forwarded-For are believed (comma-separated; env LANCANG_TRUSTED_PROXY)")
    List<String> trustedProxies;

    @Option(
            names = "--webhook-allow-hosts",
            split = ",",
            defaultValue = "${env:LANCANG_WEBHOOK_ALLOW_HOSTS}",
            description = "hosts a tracking webhook may be at over http or inside the network (a local receiver, e.g."
                    + " localhost,127.0.0.1); every other webhook must be https to a public address"
                    + " (env LANCANG_WEBHOOK_ALLOW_HOSTS)")
    List<String> webhookAllowHosts;

    @Option(
            names = "--outbox-retention-days",
            defaultValue = "${env:LANCANG_OUTBOX_RETENTION_DAYS:-7}",
            description = "days delivered webhook outbox rows are kept (by the server's clock; default 7,"
                    + " env LANCANG_OUTBOX_RETENTION_DAYS)")
    int outboxRetentionDays;

    @Option(
            names = "--network",
            split = ",",
            description = "the networks of data/ to serve, comma-separated, the first being home (the database's, the"
                    + " pages'), or a path to a network folder on disk (./my-line); default: every one of data/,"
                    + " china-laos as home")
    List<String> networks;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws InterruptedException {
        // refused before the database starts: a minute of start-up ending in a stack trace helps no one
        if (port < 0 || port > 65535) {
            throw new InvalidInput("--port", "'" + port + "' is no TCP port: 0 to 65535 (0 for any free one)");
        }
        if (outboxRetentionDays < 1) {
            throw new InvalidInput("--outbox-retention-days", "must be 1 or more");
        }
        List<DataFiles> folders = NetworkFolders.serve(networks, "--network");
        Platform platform = Platform.start(
                database.config(true),
                folders.get(0),
                List.copyOf(folders.subList(1, folders.size())),
                ServerClock.fromEnvironment());
        platform.tracking().allowHosts(webhookAllowHosts == null ? Set.of() : Set.copyOf(webhookAllowHosts));
        platform.tracking().keepDelivered(Duration.ofDays(outboxRetentionDays), Duration.ofMinutes(10));
        WebServer server;
        try {
            server = WebServer.start(
                    platform,
                    new WebServer.Options(
                            host,
                            port,
                            trustedProxies == null
                                    ? Set.of()
                                    : trustedProxies.stream()
                                            .map(String::strip)
                                            .filter(a -> !a.isEmpty())
                                            .collect(Collectors.toSet())));
        } catch (RuntimeException e) {
            platform.close();
            if (boundElsewhere(e)) {
                throw new InvalidInput(
                        "--port", "port " + port + " on " + host + " is in use: stop what holds it or choose another");
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("Lancang is stopping…");
                            server.close();
                            platform.close();
                            stopped.countDown();
                        },
                        "lancang-shutdown"));
        String shownHost = host.equals("0.0.0.0") ? "localhost" : host;
        System.out.println();
        System.out.println("Lancang is running at http://" + shownHost + ":" + server.port() + "/");
        System.out.println("  Networks: " + platform.networks().codes() + " (home: "
                + platform.networks().home().code() + ")");
        System.out.println("  API explorer: http://" + shownHost + ":" + server.port() + "/api-docs");
        platform.generatedAdminPassword().ifPresent(password -> {
            System.out.println("  First start: an admin account was created.");
            System.out.println("    username: " + Platform.FIRST_ADMIN);
            System.out.println("    password: " + password + "   (shown only now; keep it safe)");
            UserService.SignIn feed = createFeedAccount(platform);
            System.out.println("  and a train-describer feed account (it may post running events, nothing else):");
            System.out.println(
                    "    username: " + feed.user().username() + ", API token (until " + feed.expiresAt() + "):");
            System.out.println("    " + feed.token());
            LocalDate today = platform.operations()
                    .clock()
                    .instant()
                    .atZone(platform.operations().serviceZone())
                    .toLocalDate();
            System.out.println(
                    "  Watch a simulated day: ./lancang ops simulate --date " + today + " --seed 1 --speedup 60"
                            + " --server http://" + shownHost + ":" + server.port() + " --token " + feed.token());
        });
        System.out.println("Press Ctrl-C to stop.");
        System.out.flush();
        stopped.await();
        return 0;
    }

    /**
     * On the first start, next to the admin: an account for a train-describer feed (role TRAIN_DESCRIBER, which may post
     * running events and nothing else) and an API token for it, so that a simulated day can be watched on a fresh
     * install without another step. Its password is random and never shown: the token is how it is used.
     */
    static UserService.SignIn createFeedAccount(Platform platform) {
        String password = platform.users().generatePassword();
        platform.users().add(FEED_ACCOUNT, "Train describer feed", password, List.of(Role.TRAIN_DESCRIBER.name()));
        return platform.users()
                .signIn(FEED_ACCOUNT, password, UserService.TokenKind.API)
                .orElseThrow();
    }

    /** The web server could not listen because something else already does (however the server wraps it). */
    private static boolean boundElsewhere(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}
