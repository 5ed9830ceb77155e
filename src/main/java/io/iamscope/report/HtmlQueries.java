package io.iamscope.report;

import io.iamscope.analysis.hunt.HuntingQuery;
import java.util.ArrayList;
import java.util.List;

/** The hunting queries as a page shows them: numbered, each with its copy button's target. */
final class HtmlQueries {
    private HtmlQueries() {
    }

    /** A query; {@code index} names its text on the page ({@code query-INDEX}). */
    record Query(int index, String engine, String title, String sql) {
    }

    static List<Query> of(List<HuntingQuery> queries) {
        List<Query> out = new ArrayList<>();
        for (HuntingQuery q : queries) {
            out.add(new Query(out.size(), q.engine(), q.title(), q.sql() + ";"));
        }
        return out;
    }
}
