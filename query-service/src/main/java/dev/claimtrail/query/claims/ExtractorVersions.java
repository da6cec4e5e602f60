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

    /**
     * Build metadata ({@code 1.0.0+rerun2}: the same code re-run under a new label) is newer than the
     * version without it, and labels order naturally among themselves (rerun2 before rerun10). SemVer
     * gives build metadata no precedence, but the read model needs one answer to "which is newest".
     */
    public static int compare(String a, String b) {
        int plusA = a.indexOf('+');
        int plusB = b.indexOf('+');
        int c = compareRelease(plusA < 0 ? a : a.substring(0, plusA), plusB < 0 ? b : b.substring(0, plusB));
        if (c != 0) {
            return c;
        }
        String buildA = plusA < 0 ? null : a.substring(plusA + 1);
        String buildB = plusB < 0 ? null : b.substring(plusB + 1);
        if (buildA == null || buildB == null) {
            return Boolean.compare(buildA != null, buildB != null);
        }
        return compareNatural(buildA, buildB);
    }

    /** Runs of digits compare as numbers, everything else as text: "rerun2" &lt; "rerun10". */
    private static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            boolean digitA = Character.isDigit(a.charAt(i));
            boolean digitB = Character.isDigit(b.charAt(j));
            int endA = run(a, i, digitA);
            int endB = run(b, j, digitB);
            int c = digitA && digitB ? compareNumbers(a.substring(i, endA), b.substring(j, endB))
                    : a.substring(i, endA).compareTo(b.substring(j, endB));
            if (c != 0) {
                return c;
            }
            i = endA;
            j = endB;
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        // Equal by value but spelled differently ("rerun02", "rerun2"): the text decides, so the order stays total.
        return c != 0 ? c : a.compareTo(b);
    }

    private static int run(String s, int from, boolean digits) {
        int i = from;
        while (i < s.length() && Character.isDigit(s.charAt(i)) == digits) {
            i++;
        }
        return i;
    }

    private static int compareRelease(String a, String b) {
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
