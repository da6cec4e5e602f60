package dev.claimtrail.ingest.formats;

import java.util.Map;

/**
 * An article as read from one of the accepted formats, before validation: every value as the input
 * gave it (blank and absent both null), and the name each of ours had in that input, so that an
 * error about news-please's {@code maintext} says {@code 'maintext'} and not {@code 'text'}.
 *
 * @param publishedAt in a form {@code PublishedAtNormaliser} reads; a format whose dates it does not
 *                    read (news-please) converts them while mapping
 * @param text        the text downstream offsets will point into: for HTML inputs, the extracted text
 * @param sourceNames our field name → the input's name for it; fields not in the map keep ours
 */
public record ArticleFields(
        String externalId,
        String url,
        String title,
        String outlet,
        String publishedAt,
        String language,
        String text,
        Map<String, String> sourceNames) {

    public ArticleFields {
        sourceNames = sourceNames == null ? Map.of() : Map.copyOf(sourceNames);
    }

    /** The name the client used for one of our fields, for error messages. */
    public String nameOf(String field) {
        return sourceNames.getOrDefault(field, field);
    }
}
