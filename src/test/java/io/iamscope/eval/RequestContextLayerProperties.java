package io.iamscope.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link RequestContext#over} lays one context over another without copying; it must answer every question
 * exactly as the flat context made by applying the top's puts and unknowns to a copy of the bottom's.
 */
class RequestContextLayerProperties {
    private static final List<String> KEYS = List.of("aws:SourceIp", "aws:sourceip", "aws:RequestTag/team",
            "aws:RequestTag/env", "aws:ResourceTag/team", "aws:RequestedRegion", "s3:prefix");
    private static final List<String> PREFIXES = List.of("aws:RequestTag/*", "aws:ResourceTag/*", "aws:*");

    /** One builder operation. */
    record Op(int kind, String key, String value) {
        void apply(RequestContext.Builder b) {
            switch (kind) {
                case 0 -> b.put(key, value);
                case 1 -> b.unknown(key);
                case 2 -> b.unknown(PREFIXES.get(Math.floorMod(key.hashCode(), PREFIXES.size())));
                default -> b.putIfAbsent(key, List.of(value));
            }
        }
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        return ops(3);
    }

    /** A top layer is a set of keys put or declared unknown (putIfAbsent would read the layer below). */
    @Provide
    Arbitrary<List<Op>> topOps() {
        return ops(2);
    }

    private static Arbitrary<List<Op>> ops(int maxKind) {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, maxKind), Arbitraries.of(KEYS),
                Arbitraries.of("a", "b")).as(Op::new);
        return op.list().ofMaxSize(6);
    }

    @Property(tries = 500)
    void layeredAnswersAsFlat(@ForAll("topOps") List<Op> below, @ForAll("topOps") List<Op> top,
                              @ForAll("ops") List<Op> lowest) {
        RequestContext.Builder b0 = RequestContext.builder();
        lowest.forEach(o -> o.apply(b0));
        RequestContext.Builder b1 = b0.build().toBuilder();
        below.forEach(o -> o.apply(b1));
        RequestContext.Builder b2 = RequestContext.builder();
        top.forEach(o -> o.apply(b2));
        // Three layers: top over (below-with-lowest-copied), and top over (below over lowest).
        RequestContext.Builder belowOnly = RequestContext.builder();
        below.forEach(o -> o.apply(belowOnly));
        RequestContext stacked = b2.build().over(belowOnly.build().over(b0.build()));
        RequestContext layered = b2.build().over(b1.build());

        RequestContext.Builder flatBuilder = b1.build().toBuilder();
        top.forEach(o -> o.apply(flatBuilder));
        RequestContext flat = flatBuilder.build();
        for (RequestContext candidate : List.of(layered, stacked)) {
            for (String key : KEYS) {
                assertEquals(flat.values(key), candidate.values(key), key + " values");
                assertEquals(flat.isUnknown(key), candidate.isUnknown(key), key + " unknown");
                assertEquals(flat.isPresent(key), candidate.isPresent(key), key + " present");
            }
            assertEquals(flat.entries(), candidate.entries()); // as maps: the order of keys may differ
            assertEquals(flat.unknownKeys(), candidate.unknownKeys());
        }
    }
}
