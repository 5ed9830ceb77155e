package io.iamscope.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.model.Gap;
import java.io.PrintWriter;
import java.util.List;

/** How every report says that collection gaps could change its answer: the same words, the same JSON. */
public final class GapWords {
    /** Gaps listed in text before the rest are counted: the JSON lists them all. */
    private static final int SHOWN = 10;

    private GapWords() {
    }

    /** The text section, nothing when {@code gaps} is empty. */
    public static void text(List<Gap> gaps, PrintWriter out) {
        if (gaps.isEmpty()) {
            return;
        }
        out.println("INCOMPLETE: " + gaps.size() + " collection gap" + (gaps.size() == 1 ? "" : "s")
                + " could change this answer (a gap means unknown, never none):");
        gaps.stream().limit(SHOWN).forEach(g -> out.println("  " + line(g)));
        if (gaps.size() > SHOWN) {
            out.println("  ... and " + (gaps.size() - SHOWN) + " more (--format json lists them all)");
        }
    }

    /** {@code s3:GetBucketPolicy for `arn` in us-east-1: AccessDenied: message}. */
    public static String line(Gap g) {
        return g.service() + ":" + g.operation() + (g.resource() == null ? "" : " for `" + g.resource() + "`")
                + (g.region() == null ? "" : " in " + g.region()) + ": " + g.errorCode()
                + (g.message() == null || g.message().isEmpty() ? "" : ": " + g.message());
    }

    /** {@code "complete"} and {@code "gaps"}, written to a generator inside an object. */
    public static void json(List<Gap> gaps, com.fasterxml.jackson.core.JsonGenerator g) {
        try {
            g.writeBooleanField("complete", gaps.isEmpty());
            g.writeArrayFieldStart("gaps");
            for (Gap x : gaps) {
                g.writeStartObject();
                g.writeStringField("service", x.service());
                g.writeStringField("operation", x.operation());
                g.writeStringField("region", x.region());
                g.writeStringField("resource", x.resource());
                g.writeStringField("errorCode", x.errorCode());
                g.writeStringField("message", x.message());
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code "complete"} and {@code "gaps"} on {@code root}. */
    public static void json(List<Gap> gaps, ObjectNode root) {
        root.put("complete", gaps.isEmpty());
        ArrayNode array = root.putArray("gaps");
        for (Gap g : gaps) {
            ObjectNode n = array.addObject();
            n.put("service", g.service());
            n.put("operation", g.operation());
            n.put("region", g.region());
            n.put("resource", g.resource());
            n.put("errorCode", g.errorCode());
            n.put("message", g.message());
        }
    }
}
