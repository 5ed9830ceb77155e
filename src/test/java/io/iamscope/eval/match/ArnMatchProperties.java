package io.iamscope.eval.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link ArnMatch} agrees with a naive reading of "each of the six colon-delimited components of the ARN is
 * checked separately" (IAM JSON policy elements: Condition operators, ARN condition operators): split both
 * strings, match each pair of components with a textbook recursive glob. Both engines share ArnMatch, so the
 * engine-level differential test cannot catch a bug here; this property can.
 */
class ArnMatchProperties {
    private static final int COMPONENTS = 6;

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.strings().withChars('a', 'b', ':', '/', '*', '?').ofMaxLength(14);
    }

    @Provide
    Arbitrary<String> arns() {
        return Arbitraries.strings().withChars('a', 'b', ':', '/').ofMaxLength(14);
    }

    @Property(tries = 3000)
    void agreesWithComponentWiseGlob(@ForAll("patterns") String pattern, @ForAll("arns") String arn) {
        assertEquals(naive(pattern, arn), ArnMatch.matches(Glob.of(pattern, false), arn),
                () -> "pattern `" + pattern + "` arn `" + arn + "`");
    }

    @Property(tries = 1000)
    void arnShapedInputs(@ForAll("arnPatterns") String pattern, @ForAll("realArns") String arn) {
        assertEquals(naive(pattern, arn), ArnMatch.matches(Glob.of(pattern, false), arn),
                () -> "pattern `" + pattern + "` arn `" + arn + "`");
    }

    @Provide
    Arbitrary<String> arnPatterns() {
        return Arbitraries.of("arn:aws:s3:::bucket-?/*", "arn:aws:s3:::*", "arn:aws:iam::*:role/*", "arn:*:iam::1:*",
                "arn:aws:ec2:*:*:instance/*", "arn:aws:s3:*", "*", "arn:aws:s3:::bucket-a/x:y*", "arn:aws:*:::b*");
    }

    @Provide
    Arbitrary<String> realArns() {
        return Arbitraries.of("arn:aws:s3:::bucket-a/x:y/z", "arn:aws:s3:::bucket-b", "arn:aws:iam::1:role/app",
                "arn:aws:ec2:us-east-1:1:instance/i-1", "arn:aws:s3", "arn:aws:iam::1:user/a:b");
    }

    /** The documented rule, spelled out with no cleverness. */
    static boolean naive(String pattern, String arn) {
        String[] p = pattern.split(":", COMPONENTS);
        String[] s = arn.split(":", COMPONENTS);
        if (p.length < COMPONENTS || s.length < COMPONENTS) {
            // Not both full ARNs: as far as the pattern goes, its last component taking the remainder.
            if (s.length < p.length) {
                return false;
            }
            s = arn.split(":", p.length);
        }
        for (int i = 0; i < p.length; i++) {
            if (!glob(p[i], 0, s[i], 0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean glob(String p, int pi, String s, int si) {
        if (pi == p.length()) {
            return si == s.length();
        }
        char c = p.charAt(pi);
        if (c == '*') {
            for (int k = si; k <= s.length(); k++) {
                if (glob(p, pi + 1, s, k)) {
                    return true;
                }
            }
            return false;
        }
        return si < s.length() && (c == '?' || c == s.charAt(si)) && glob(p, pi + 1, s, si + 1);
    }
}
