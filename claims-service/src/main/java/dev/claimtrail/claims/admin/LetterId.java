package dev.claimtrail.claims.admin;

import dev.claimtrail.events.Topics;
import jakarta.ws.rs.BadRequestException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dead letter's coordinates, written {@code topic-partition-offset} as query-service lists them (only
 * unreserved URI characters, so the id reads the same in any path).
 */
public record LetterId(String topic, int partition, long offset) {

    private static final Pattern FORM = Pattern.compile("(.+)-(\\d{1,9})-(\\d{1,18})");

    public static LetterId parse(String id) {
        Matcher m = FORM.matcher(id == null ? "" : id);
        if (m.matches() && (m.group(1).equals(Topics.ARTICLES_DLQ) || m.group(1).equals(Topics.CLAIMS_DLQ))) {
            return new LetterId(m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)));
        }
        throw new BadRequestException("a dead-letter id is topic-partition-offset, e.g. articles.dlq-0-12; got '" + id + "'");
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "-" + offset;
    }
}
