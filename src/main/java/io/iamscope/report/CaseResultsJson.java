package io.iamscope.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.eval.Decision;
import io.iamscope.eval.MatchedStatement;
import io.iamscope.policytest.CaseResult;
import java.util.List;

/**
 * {@code iamscope test --format json}: {@code {"passed", "failed", "skipped", "results": [{"id", "origin",
 * "status", "message", "decision", "conditional", "rule", "statements"}]}}. Stable field names; documented in
 * docs/policy-tests.md.
 */
public final class CaseResultsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CaseResultsJson() {
    }

    public static String render(List<CaseResult> results) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("passed", count(results, CaseResult.Status.PASSED));
        root.put("failed", count(results, CaseResult.Status.FAILED));
        root.put("skipped", count(results, CaseResult.Status.SKIPPED));
        ArrayNode list = root.putArray("results");
        for (CaseResult r : results) {
            ObjectNode o = list.addObject();
            o.put("id", r.id());
            o.put("origin", r.origin());
            o.put("status", r.status().name().toLowerCase());
            if (r.message() != null) {
                o.put("message", r.message());
            }
            Decision d = r.decision();
            if (d != null) {
                o.put("decision", d.outcome().word());
                ArrayNode keys = o.putArray("conditional");
                d.conditionalKeys().forEach(keys::add);
                o.put("rule", d.rule() == null ? null : d.rule().code());
                ArrayNode statements = o.putArray("statements");
                for (MatchedStatement s : d.statements()) {
                    ObjectNode st = statements.addObject();
                    st.put("layer", s.ref().layer().name().toLowerCase());
                    st.put("policy", s.ref().policy());
                    st.put("sid", s.ref().sid());
                    st.put("index", s.ref().index());
                    st.put("effect", s.ref().effect().json());
                    st.put("when", s.when().toString());
                }
            }
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render results", e);
        }
    }

    private static long count(List<CaseResult> results, CaseResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}
