package dev.claimtrail.query.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A minimal text/event-stream reader for tests: parses events as the SSE specification does (fields
 * up to a blank line; comment lines kept apart so tests can see heartbeats).
 */
final class SseClient implements AutoCloseable {

    /** One dispatched event; comments come as events named ":comment". */
    record Event(String id, String name, String data) {
        boolean comment() {
            return ":comment".equals(name);
        }
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final InputStream body;
    final HttpResponse<InputStream> response;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.body = response.body();
        Thread reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static SseClient connect(URI uri, String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        return new SseClient(response);
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = null;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null || name != null || id != null) {
                        events.add(new Event(id, name == null ? "message" : name, data == null ? "" : data.toString()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, ":comment", line.substring(1).trim()));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> {
                        }
                    }
                }
            }
        } catch (IOException e) {
            // closed by the test
        }
    }

    /** The next event (comments included) within the timeout, or null. */
    Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next event that is not a comment, or null. */
    Event nextEvent(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            Event e = events.poll(left, TimeUnit.NANOSECONDS);
            if (e == null || !e.comment()) {
                return e;
            }
        }
    }

    /** Events (no comments) until one matches {@code last}, which is included; fails after the timeout. */
    List<Event> until(Predicate<Event> last, Duration timeout) throws InterruptedException {
        List<Event> out = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event e = nextEvent(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (e == null) {
                throw new AssertionError("timed out; events so far: " + out);
            }
            out.add(e);
            if (last.test(e)) {
                return out;
            }
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
