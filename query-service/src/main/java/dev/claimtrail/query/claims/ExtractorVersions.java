package dev.claimtrail.query.claims;

import java.util.Comparator;

/**
 * Orders extractor versions the way people read them: segment by segment, numerically, so 1.10 is
 * newer than 1.9. A segment's non-numeric tail ("0-rc1") orders after its number; a release
 * ("1.0.0") is newer than a pre-release of it ("1.0.0-rc1"); missing segments count as zero.
 */
public final class ExtractorVersions {

    public static final Comparator<String> ORDER = ExtractorVersions::compare;

    private ExtractorVersions() {
    }

    public static int compare(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int c = compareSegment(i < left.length ? left[i] : "0", i < right.length ? right[i] : "0");
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareSegment(String a, String b) {
        int digitsA = leadingDigits(a);
        int digitsB = leadingDigits(b);
        int c = compareNumbers(a.substring(0, digitsA), b.substring(0, digitsB));
        if (c != 0) {
            return c;
        }
        String tailA = a.substring(digitsA);
        String tailB = b.substring(digitsB);
        if (tailA.isEmpty() || tailB.isEmpty()) {
            // "0" > "0-rc1": the bare number is the release
            return Boolean.compare(tailA.isEmpty(), tailB.isEmpty());
        }
        return tailA.compareTo(tailB);
    }

    /** Compares digit strings of any length without overflow; an empty one counts as zero. */
    private static int compareNumbers(String a, String b) {
        String x = stripLeadingZeros(a);
        String y = stripLeadingZeros(b);
        if (x.length() != y.length()) {
            return Integer.compare(x.length(), y.length());
        }
        return x.compareTo(y);
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    private static int leadingDigits(String s) {
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
