package io.iamscope.eval.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ArnList#matching} answers what {@link ArnMatch#matches} answers for each ARN, whichever way it finds it:
 * a pass over the list, a lookup for a pattern without wildcards, or the universe's answer read through.
 */
class ArnListTest {
    private static final List<String> ARNS = List.of(
            "arn:aws:iam::111122223333:role/deploy",
            "arn:aws:iam::111122223333:role/Deploy",
            "arn:aws:iam::111122223333:user/alice",
            "arn:aws:s3:::bucket",
            "arn:aws:s3:::bucket/*",
            "arn:aws:iam::444455556666:role/deploy");

    private static final List<Glob> PATTERNS = List.of(
            Glob.of("arn:aws:iam::111122223333:role/deploy", false),
            Glob.of("arn:aws:iam::111122223333:role/deploy", true),
            Glob.literal("arn:aws:s3:::bucket/*", false),
            Glob.of("arn:aws:s3:::bucket/*", false),
            Glob.of("arn:aws:iam::*:role/deploy", false),
            Glob.of("arn:aws:iam::111122223333:role/nobody", false),
            Glob.of("*", false));

    private static BitSet expected(List<String> arns, Glob pattern) {
        BitSet out = new BitSet();
        for (int i = 0; i < arns.size(); i++) {
            if (ArnMatch.matches(pattern, arns.get(i))) {
                out.set(i);
            }
        }
        return out;
    }

    @Test
    void everyWayOfMatchingAgreesWithArnMatch() {
        List<String> withDuplicates = new java.util.ArrayList<>(ARNS);
        withDuplicates.add(ARNS.get(0)); // a literal then has two positions: no single lookup
        ArnList universe = new ArnList(withDuplicates);
        List<ArnList> lists = List.of(new ArnList(ARNS), universe,
                new ArnList(List.of(ARNS.get(5), ARNS.get(0), "arn:aws:iam::111122223333:role/deploy"), universe),
                new ArnList(List.of("arn:aws:iam::111122223333:role/elsewhere", ARNS.get(4)), universe));
        for (ArnList list : lists) {
            List<String> arns = new java.util.ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                arns.add(list.get(i));
            }
            for (Glob p : PATTERNS) {
                assertEquals(expected(arns, p), list.matching(p), p + " on " + arns);
            }
        }
    }

    /** {@link ArnList#contains} is list membership as written, with or without a universe to look it up in. */
    @Test
    void containsIsMembershipAsWritten() {
        ArnList universe = new ArnList(ARNS);
        List<String> some = List.of(ARNS.get(3), ARNS.get(4), "arn:aws:iam::111122223333:role/outside-the-universe");
        for (ArnList list : List.of(new ArnList(some), new ArnList(some, universe))) {
            for (String arn : ARNS) {
                assertEquals(some.contains(arn), list.contains(arn), arn);
            }
            assertEquals(true, list.contains("arn:aws:iam::111122223333:role/outside-the-universe"));
            assertEquals(false, list.contains("arn:aws:s3:::BUCKET"), "case matters: ARNs as written");
            assertEquals(false, list.contains("*"), "a pattern is not a member");
        }
    }

    /**
     * A long list (past the size where candidates come from the sorted order) agrees with {@link ArnMatch} too:
     * prefixes that end inside a component or span several, case, wildcards first, ARNs that are not ARNs,
     * and a universe whose ARN a list holds twice.
     */
    @Test
    void aLongListAgreesWithArnMatch() {
        List<String> arns = new java.util.ArrayList<>(ARNS);
        for (int i = 0; i < 120; i++) {
            arns.add("arn:aws:iam::111122223333:role/app-" + i);
            arns.add("arn:aws:s3:::bucket-" + (i % 7) + "/key-" + i);
            arns.add("arn:aws:iam::444455556666:user/" + (i % 2 == 0 ? "Ops/" : "ops/") + "u" + i);
        }
        arns.add("arn:aws:s3:::bucket-1");
        arns.add("not-an-arn");
        arns.add("arn:aws:iam::111122223333");
        List<Glob> patterns = new java.util.ArrayList<>(PATTERNS);
        for (String p : List.of("arn:aws:iam::111122223333:role/app-1*", "arn:aws:iam::111122223333:role/app-?",
                "arn:aws:s3:::bucket-1*", "arn:aws:s3:::bucket-1/*", "arn:aws:iam::*:user/ops/*",
                "arn:aws:iam::444455556666:user/Ops/*", "*:role/app-7", "arn:aws:iam::111122223333*",
                "arn:aws:s3:::bucket-3/key-1?", "not-an-*", "arn:aws:iam::111122223333:role/app-119",
                "arn:aws:iam::111122223333:role/app-1190", "arn:aws:z*", "")) {
            patterns.add(Glob.of(p, false));
            patterns.add(Glob.of(p, true));
        }
        ArnList universe = new ArnList(arns);
        List<String> held = new java.util.ArrayList<>(arns.subList(0, 200));
        held.add("arn:aws:iam::111122223333:role/outside-the-universe");
        List<String> twice = new java.util.ArrayList<>(held);
        twice.add(arns.get(10));
        for (ArnList list : List.of(universe, new ArnList(held, universe), new ArnList(twice, universe),
                new ArnList(twice))) {
            List<String> listed = new java.util.ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                listed.add(list.get(i));
            }
            for (Glob p : patterns) {
                assertEquals(expected(listed, p), list.matching(p), p.text() + " on " + listed.size() + " ARNs");
            }
        }
    }
}
