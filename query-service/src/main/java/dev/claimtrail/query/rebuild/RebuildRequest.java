package dev.claimtrail.query.rebuild;

/**
 * The body of {@code POST /api/admin/rebuilds}.
 *
 * @param from ISO-8601 timestamp to replay from (a partial rebuild), or null to rebuild from the start of
 *             the logs
 */
public record RebuildRequest(String from) {
}
