package io.iamscope.report.html;

import io.iamscope.analysis.Hop;
import java.util.List;

/**
 * A path graph placed on a plane, in pixels, for the page's inline SVG: boxes for principals, lines for hops.
 * Everything a template needs is a value here (it computes nothing).
 *
 * @param columns the layers' headings, left to right, with their x
 * @param omitted how many principals reached are not drawn
 */
public record Drawing(int width, int height, List<Column> columns, List<Box> boxes, List<Line> lines, int omitted) {
    public Drawing {
        columns = List.copyOf(columns);
        boxes = List.copyOf(boxes);
        lines = List.copyOf(lines);
    }

    /** A layer's heading ({@code start}, {@code 1 hop}, ...) and where it is written. */
    public record Column(String title, int x) {
    }

    /**
     * A principal's box.
     *
     * @param label the name as shown (shortened to fit the box); {@code name} is whole
     * @param adminConditional whether it is an administrator only under unknown keys
     */
    public record Box(String id, String arn, String kind, String name, String label, int x, int y, int w, int h,
                      boolean start, boolean admin, boolean adminConditional, String style) {
    }

    /**
     * A hop's line, from the right side of one box to the left side of the next, with the hop it draws (its
     * evidence, shown when the line is clicked).
     *
     * @param index    the hop's number on the page (its evidence's id is {@code hop-INDEX})
     * @param fromName the source's short name, {@code toName} the target's
     * @param d        the SVG path
     * @param labelX   where the technique is written
     * @param anchor   how the label is anchored at its place ({@code end}, {@code start})
     * @param walk     the step seen taken this line draws, instead of a hop (then {@code hop} is null)
     * @param style    how the line stands out: {@code walked}, {@code walked unexpected}, {@code faint}, or empty
     */
    public record Line(int index, String fromName, String toName, Hop hop, PathGraph.Walked walk, String d,
                       int labelX, int labelY, String anchor, String style) {
        /** The arrowhead's marker: a step taken has its own, sized for its thicker line and coloured as it is. */
        public String marker() {
            return walk == null ? "arrow" : walk.unexpected() ? "arrow-unexpected" : "arrow-walked";
        }

        /** The kind of step in a word: {@code assume}, {@code escalate}, {@code member}. */
        public String how() {
            return hop == null ? "" : hop.kind().name().toLowerCase(java.util.Locale.ROOT);
        }

        public boolean hasStatements() {
            return hop != null && !hop.statements().isEmpty();
        }

        /** What the line is labelled with: the hop's technique, or the call that took the step. */
        public String label() {
            return hop == null ? walk.label() : hop.technique();
        }
    }

    /** Whether steps seen taken are drawn (the legend then says how). */
    public boolean hasWalks() {
        return lines.stream().anyMatch(l -> l.walk() != null);
    }

    public boolean hasOmitted() {
        return omitted > 0;
    }
}
