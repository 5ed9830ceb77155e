package io.iamscope.report;

import io.iamscope.analysis.Hop;
import io.iamscope.analysis.whocan.WhoCanEntry;
import io.iamscope.analysis.whocan.WhoCanResult;
import java.io.PrintWriter;

/** Renders who can perform a request: principals allowed directly, then those that reach one of them. */
public final class WhoCanTextRenderer {
    private WhoCanTextRenderer() {
    }

    public static void render(WhoCanResult r, PrintWriter out) {
        out.println("who can `" + r.action() + "` on `" + r.resource() + "` (attacker profile " + r.profile() + ")");
        out.println("DIRECTLY: " + r.direct().size());
        for (WhoCanEntry e : r.direct()) {
            out.println("  " + e.kind() + " `" + e.arn() + "`" + conditional(e)
                    + (e.statement() == null ? "" : ": allowed by " + e.statement()));
        }
        out.println("THROUGH A PATH: " + r.viaPath().size());
        for (WhoCanEntry e : r.viaPath()) {
            out.println("  " + e.kind() + " `" + e.arn() + "` as `" + BlastWords.shortName(e.through()) + "`, "
                    + e.path().size() + " hop" + (e.path().size() == 1 ? "" : "s") + conditional(e));
            for (Hop h : e.path()) {
                out.println("      " + BlastWords.hop(h));
            }
        }
        if (!r.notes().isEmpty()) {
            out.println("not covered:");
            r.notes().forEach(n -> out.println("  " + n));
        }
        if (!r.complete() && java.util.stream.Stream.concat(r.direct().stream(), r.viaPath().stream())
                .noneMatch(e -> e.kind().equals("user") || e.kind().equals("role"))) {
            out.println("no user or role found in what was collected: unknown, not nobody");
        }
        GapWords.text(r.gaps(), out);
        out.flush();
    }

    private static String conditional(WhoCanEntry e) {
        return e.conditional() ? " [conditional on " + String.join(", ", e.conditionKeys()) + "]" : "";
    }
}
