package dev.claimtrail.ingest.infra;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;

import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns Jackson's errors into a sentence a feed operator can act on. Only the parser's own messages
 * (about the JSON text) are passed on; data-binding messages talk about Java types and are replaced.
 */
public final class JsonErrors {

    /** Jackson appends where the input came from; that is noise to a client and may echo its input. */
    private static final Pattern SOURCE_REFERENCE = Pattern.compile("\\s*\\(?(start marker at )?\\[Source:.*?]\\)?",
            Pattern.DOTALL);

    private JsonErrors() {
    }

    public static String describe(JsonProcessingException e) {
        return describe(e, "request body", false);
    }

    /**
     * @param subject    what was being read, as the sentence should start: {@code request body}, or
     *                   {@code line 7} for one line of an NDJSON body
     * @param singleLine the input is one line, so only the column is worth naming
     */
    public static String describe(JsonProcessingException e, String subject, boolean singleLine) {
        if (e instanceof JsonEOFException) {
            return subject + " is not valid JSON: it ends before the JSON value is complete";
        }
        if (e instanceof StreamReadException) {
            String message = e.getOriginalMessage() == null ? "" : SOURCE_REFERENCE.matcher(e.getOriginalMessage()).replaceAll("");
            String where = singleLine ? column(e.getLocation()) : where(e.getLocation());
            return subject + " is not valid JSON" + where + ": " + message.strip();
        }
        if (e instanceof DatabindException && e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return "'" + field + "' has the wrong JSON type";
        }
        return "request body does not have the expected shape" + where(e.getLocation());
    }

    private static String column(JsonLocation location) {
        return location == null || location.getColumnNr() < 0 ? "" : " at column " + location.getColumnNr();
    }

    public static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0
                ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
