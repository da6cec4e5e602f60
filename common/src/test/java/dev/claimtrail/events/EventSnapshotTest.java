package dev.claimtrail.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Guards the wire form of every event type. A failure here means a change would alter what is
 * already in the append-only logs: make it additive, or add an upcaster and a version test.
 */
class EventSnapshotTest {

    static List<Event> events() {
        return EventFixtures.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void serialisesExactlyAsTheSnapshot(Event event) throws IOException {
        JsonNode expected = EventCodec.mapper().readTree(snapshot(event));
        JsonNode actual = EventCodec.mapper().readTree(EventCodec.toJson(event));
        assertEquals(expected, actual, "wire form of " + CloudEvents.typeOf(event) + " changed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void snapshotReadsBackToTheSameEvent(Event event) throws IOException {
        Event read = EventCodec.fromJson(CloudEvents.typeOf(event), snapshot(event));
        assertEquals(event, read);
    }

    private static String snapshot(Event event) throws IOException {
        String name = "/snapshots/" + CloudEvents.typeOf(event) + ".v" + event.schemaVersion() + ".json";
        if (Boolean.getBoolean("snapshots.write")) {
            // Deliberate re-recording only (-Dsnapshots.write=true): review the diff before committing it.
            Path file = Path.of("src/test/resources" + name);
            Files.writeString(file, EventCodec.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(EventCodec.mapper().readTree(EventCodec.toJson(event))) + "\n");
        }
        try (InputStream in = EventSnapshotTest.class.getResourceAsStream(name)) {
            assertNotNull(in, "missing snapshot " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
