package dev.claimtrail.ingest.articles;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces the many spellings feeds use for one article URL to one, so that the same article pushed
 * from a newsletter link and from an RSS item gets the same identity.
 */
public final class UrlNormaliser {

    /** Click-tracking parameters: they say how a reader arrived, not which article it is. */
    private static final Set<String> TRACKING_PARAMETERS = Set.of("fbclid", "gclid");
    private static final String TRACKING_PREFIX = "utm_";
    private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9a-fA-F]{2}");

    private UrlNormaliser() {
    }

    /**
     * Lower-cases scheme and host, drops the fragment, the default port and tracking parameters,
     * sorts the remaining query parameters by name (keeping the order of repeated ones), resolves
     * dot segments, writes an empty path as {@code /}, and percent-encodes non-ASCII characters
     * with upper-case escapes.
     *
     * @throws IllegalArgumentException with a message fit to follow the field name, when the value
     *                                  is not an absolute http(s) URL with a host
     */
    public static String normalise(String url) {
        URI uri;
        try {
            uri = new URI(url.strip()).normalize();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.isOpaque()) {
            throw new IllegalArgumentException("must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("must name a host");
        }
        StringBuilder out = new StringBuilder(url.length());
        out.append(scheme).append("://");
        if (uri.getRawUserInfo() != null) {
            out.append(uri.getRawUserInfo()).append('@');
        }
        out.append(uri.getHost().toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        if (port != -1 && !(scheme.equals("http") && port == 80) && !(scheme.equals("https") && port == 443)) {
            out.append(':').append(port);
        }
        String path = uri.getRawPath();
        out.append(path == null || path.isEmpty() ? "/" : path);
        String query = normaliseQuery(uri.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return upperCaseEscapes(URI.create(out.toString()).toASCIIString());
    }

    private static String normaliseQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            if (!parameter.isEmpty() && !isTracking(name(parameter))) {
                kept.add(parameter);
            }
        }
        // Stable sort by name only: the order of a repeated parameter's values can matter to a site.
        kept.sort(Comparator.comparing(UrlNormaliser::name));
        return String.join("&", kept);
    }

    private static String name(String parameter) {
        int equals = parameter.indexOf('=');
        return equals < 0 ? parameter : parameter.substring(0, equals);
    }

    private static boolean isTracking(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith(TRACKING_PREFIX) || TRACKING_PARAMETERS.contains(lower);
    }

    private static String upperCaseEscapes(String url) {
        Matcher matcher = PERCENT_ESCAPE.matcher(url);
        StringBuilder out = new StringBuilder(url.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, matcher.group().toUpperCase(Locale.ROOT));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
