package io.iamscope.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.analysis.verify.GrantCheck;
import io.iamscope.policytest.DecisionText;
import java.io.PrintWriter;
import java.util.Locale;

/** The simulator's second opinion on a report's grants, as a text section or a JSON field. */
public final class GrantCheckRenderer {
    private static final int SHOWN = 20;

    private GrantCheckRenderer() {
    }

    public static void text(GrantCheck.Result r, long calls, PrintWriter out) {
        out.println("CHECKED WITH THE IAM POLICY SIMULATOR: " + r.checked().size() + " of " + r.total() + " grants ("
                + calls + " simulator calls)");
        out.println("  " + r.count(GrantCheck.Verdict.CONFIRMED) + " confirmed, " + r.count(GrantCheck.Verdict.REFUSED)
                + " refused, " + r.count(GrantCheck.Verdict.NOT_COMPARABLE) + " not comparable");
        r.checked().stream().filter(c -> c.verdict() == GrantCheck.Verdict.REFUSED).limit(SHOWN).forEach(c ->
                out.println("  REFUSED `" + c.grant().principal() + "` " + c.grant().action() + " on `"
                        + c.grant().resource() + "`: simulator " + DecisionText.summary(c.simulator())));
        out.flush();
    }

    public static void json(GrantCheck.Result r, long calls, ObjectNode into) {
        ObjectNode check = into.putObject("simulatorCheck");
        check.put("total", r.total());
        check.put("checked", r.checked().size());
        check.put("calls", calls);
        for (GrantCheck.Verdict v : GrantCheck.Verdict.values()) {
            check.put(v.name().toLowerCase(Locale.ROOT), r.count(v));
        }
        // Not `refused`: that is the count, which an array of the same name would overwrite.
        ArrayNode refused = check.putArray("refusedGrants");
        r.checked().stream().filter(c -> c.verdict() == GrantCheck.Verdict.REFUSED).forEach(c -> refused.addObject()
                .put("principal", c.grant().principal()).put("action", c.grant().action())
                .put("resource", c.grant().resource()).put("simulator", DecisionText.summary(c.simulator())));
    }
}
