package org.lancang.web.tracking;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.lancang.store.tracking.TrackingRecords.Due;
import org.lancang.store.tracking.TrackingRecords.Tracked;
import org.lancang.store.tracking.TrackingService;
import org.lancang.web.http.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the tracking outbox: one thread takes what is due per subscription (up to {@link #BATCH} events, oldest
 * first) and POSTs it to the subscription's URL as a JSON array of DCSA-shaped events, signed with the subscription's
 * secret. A 2xx answer marks the events delivered; anything else (refused, a timeout, no answer) leaves them in the
 * outbox for the next try after the retry policy's wait. Delivery is at least once: a receiver may get an event twice
 * (a crash between its 2xx and our commit) and recognises it by {@code eventID}.
 *
 * <p>The signature header is {@code Lancang-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" with the
 * secret>}: the receiver recomputes it over the raw body and compares in constant time (and may refuse an old t).
 */
public final class WebhookSender implements AutoCloseable {
    public static final String SIGNATURE_HEADER = "Lancang-Signature";
    /** Events per POST. */
    public static final int BATCH = 500;

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final TrackingService tracking;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;

    private WebhookSender(TrackingService tracking) {
        this.tracking = tracking;
        this.thread = new Thread(this::run, "tracking-webhooks");
        this.thread.setDaemon(true);
    }

    public static WebhookSender start(TrackingService tracking) {
        WebhookSender s = new WebhookSender(tracking);
        tracking.onNewEvents(s::wake);
        s.thread.start();
        return s;
    }

    private void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void run() {
        long lastCleanUp = System.nanoTime() - Long.MAX_VALUE / 2;
        while (running) {
            try {
                // the period is read each round: an administrator (or a test) may shorten it
                if (System.nanoTime() - lastCleanUp >= tracking.cleanUpEvery().toNanos()) {
                    int gone = tracking.cleanUp();
                    if (gone > 0) {
                        LOG.info("tracking outbox: {} delivered rows past the retention deleted", gone);
                    }
                    lastCleanUp = System.nanoTime();
                }
                List<Due> due = tracking.due(50, BATCH);
                if (due.isEmpty()) {
                    wake.tryAcquire(200, TimeUnit.MILLISECONDS);
                    continue;
                }
                List<CompletableFuture<Void>> sends = new ArrayList<>();
                for (Due d : due) {
                    sends.add(send(d));
                }
                CompletableFuture.allOf(sends.toArray(new CompletableFuture[0])).join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("webhook delivery round failed; trying again", e);
                sleep();
            }
        }
    }

    private CompletableFuture<Void> send(Due d) {
        List<Long> seqs = d.events().stream().map(Tracked::seq).toList();
        byte[] body;
        try {
            body = Json.MAPPER.writeValueAsBytes(d.events().stream()
                    .map(t -> TrackingViews.DcsaEventView.of(
                            t, tracking.networkOf(t.event().location())))
                    .toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request;
        try {
            URI uri = URI.create(d.callbackUrl());
            // checked again now: the name may resolve inside the network since it was subscribed (DNS rebinding)
            Optional<String> refused = tracking.policy().refusal(uri, true);
            if (refused.isPresent()) {
                LOG.warn("webhook delivery to {} refused: {}", d.callbackUrl(), refused.get());
                tracking.refused(d.subscriptionId(), seqs, refused.get());
                return CompletableFuture.completedFuture(null);
            }
            request = HttpRequest.newBuilder(uri)
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header(
                            SIGNATURE_HEADER,
                            signature(d.secret(), Instant.now().getEpochSecond(), body))
                    .header("Lancang-Subscription", d.subscriptionId().toString())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IllegalArgumentException e) {
            tracking.failed(d.subscriptionId(), seqs, "bad URL: " + e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((r, error) -> {
            try {
                if (error == null && r.statusCode() / 100 == 2) {
                    tracking.delivered(d.subscriptionId(), seqs);
                } else {
                    tracking.failed(
                            d.subscriptionId(),
                            seqs,
                            error != null
                                    ? String.valueOf(error.getCause() != null ? error.getCause() : error)
                                    : "HTTP " + r.statusCode());
                }
            } catch (RuntimeException e) {
                LOG.warn("could not record the delivery to {}", d.callbackUrl(), e);
            }
            return null;
        });
    }

    /** The value of {@link #SIGNATURE_HEADER} for a body sent at {@code epochSeconds}. */
    public static String signature(String secret, long epochSeconds, byte[] body) {
        return "t=" + epochSeconds + ",v1=" + hmac(secret, epochSeconds, body);
    }

    /** Hex HMAC-SHA256 of {@code "<t>." + body} with the secret (what a receiver recomputes). */
    public static String hmac(String secret, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
