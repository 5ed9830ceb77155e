package io.iamscope.policy.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * How iamscope reads every JSON input (policies, snapshots, AWS CLI exports, case files): strictly. A key twice
 * in one object is refused (JSON leaves it undefined, and a reader keeping the last would turn
 * {@code "Effect":"Deny", ..., "Effect":"Allow"} into an Allow); so is text after the value (a second snapshot
 * appended, trailing garbage, NUL padding), and nesting deeper than {@value #MAX_DEPTH} levels. A UTF-8
 * byte-order mark, which Windows tools write, is accepted; invalid UTF-8 is refused with its byte offset.
 */
public final class JsonText {
    /** Deeper than any document AWS accepts (a policy is at most a few levels deep); Jackson's own default. */
    public static final int MAX_DEPTH = 1000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    /** The reader of whole inputs: duplicate keys, trailing text and deeper nesting are errors. */
    public static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * The codec of a reader that streams an input value by value ({@code readValueAsTree} on each): the same,
     * but it checks for text after the last value itself ({@link #trailing}).
     */
    public static final ObjectMapper STREAMING = JsonMapper.builder(FACTORY).build();

    private static final char BOM = '\uFEFF';

    private JsonText() {
    }

    /** What is wrong with a JSON input, as its readers' error codes name it. */
    public enum Problem {
        /** A key twice in one object. */
        DUPLICATE_KEY,
        /** Text after the end of the JSON value. */
        TRAILING_TEXT,
        /** Nested deeper than {@value #MAX_DEPTH} levels. */
        TOO_DEEP,
        /** Bytes that are not UTF-8. */
        INVALID_UTF8,
        /** Anything else that is not JSON. */
        MALFORMED
    }

    /**
     * Why {@code e}, thrown by {@link #MAPPER} or one of its parsers, refused the input.
     *
     * @param problem what kind of refusal
     * @param message one line for a user: what, and the line and column when known
     * @param pointer the JSON pointer of the offending key or value when known, else null
     */
    public record Refusal(Problem problem, String message, String pointer) {
    }

    /** The refusal {@code e} stands for. */
    public static Refusal refusal(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String where = where(e.getLocation());
        if (e instanceof StreamConstraintsException || original.contains("nesting depth")) {
            return new Refusal(Problem.TOO_DEEP, "nested more than " + MAX_DEPTH + " levels deep" + where, null);
        }
        if (original.startsWith("Duplicate field")) {
            String pointer = pointer(e);
            String key = pointer == null ? original.replaceAll("^Duplicate field '(.*)'$", "$1")
                    : pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
            return new Refusal(Problem.DUPLICATE_KEY, "key `" + key + "` appears twice in one object" + where,
                    pointer);
        }
        if (e instanceof MismatchedInputException && original.startsWith("Trailing token") || afterTheValue(e)) {
            return new Refusal(Problem.TRAILING_TEXT, "text after the end of the JSON value" + where, null);
        }
        if (original.contains("Invalid UTF-8") || original.contains("Invalid UTF8")) {
            return new Refusal(Problem.INVALID_UTF8, "not valid UTF-8" + where, null);
        }
        return new Refusal(Problem.MALFORMED, "not valid JSON: " + original + where, null);
    }

    /** The refusal of text found after the value by a reader that streams (and so reads no further itself). */
    public static Refusal trailing(JsonLocation at) {
        return new Refusal(Problem.TRAILING_TEXT, "text after the end of the JSON value" + where(at), null);
    }

    /** {@code text} without a leading byte-order mark. */
    public static String withoutBom(String text) {
        return text != null && !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    /** The offset of the first byte that is not UTF-8, or -1 when all are. */
    public static long invalidUtf8At(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                return in.position();
            }
            if (r.isUnderflow()) {
                CoderResult end = decoder.flush(out.clear());
                return end.isError() ? in.position() : -1;
            }
            out.clear();
        }
    }

    /** The text of UTF-8 bytes without a byte-order mark; {@code null} when they are not UTF-8. */
    public static String utf8(byte[] bytes) {
        if (invalidUtf8At(bytes) >= 0) {
            return null;
        }
        return withoutBom(new String(bytes, StandardCharsets.UTF_8));
    }

    /** Whether the parser had read a whole value when it failed: what it choked on comes after it. */
    private static boolean afterTheValue(JsonProcessingException e) {
        return e.getProcessor() instanceof JsonParser p && p.getParsingContext() != null
                && p.getParsingContext().inRoot() && p.getParsingContext().getEntryCount() > 0
                && !(e instanceof StreamConstraintsException);
    }

    private static String pointer(JsonProcessingException e) {
        if (e.getProcessor() instanceof JsonParser p && p.getParsingContext() != null) {
            String pointer = p.getParsingContext().pathAsPointer().toString();
            return pointer.isEmpty() ? null : pointer;
        }
        return null;
    }

    private static String where(JsonLocation at) {
        if (at == null || at.getLineNr() < 1) {
            return "";
        }
        return " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
