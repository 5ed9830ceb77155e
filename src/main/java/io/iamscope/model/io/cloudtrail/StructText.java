package io.iamscope.model.io.cloudtrail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CSV cell holding a structured value, as a JSON tree: JSON itself, or the text Athena (Trino) and CloudTrail
 * Lake write for a {@code ROW}, {@code MAP} or {@code ARRAY}: {@code {type=IAMUser, arn=arn:aws:iam::1:user/bob,
 * sessioncontext={attributes={mfaauthenticated=false}}}}, {@code [{arn=..., accountid=..., type=...}]}, {@code null}
 * for a missing field. A map's value may itself be JSON (CloudTrail Lake's {@code responseElements}:
 * {@code {credentials={"accessKeyId":"ASIA..."}}}).
 *
 * <p>That text does not quote: a plain value ends at the {@code , } before the next {@code key=} or at the bracket
 * that closes its container. A plain value holding {@code , name=} or a closing bracket followed by a separator
 * is cut there; such values (a policy document, a user agent) are in JSON-valued or top-level columns, which are not
 * read this way.
 */
final class StructText {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The separator before the next entry of a map or row: {@code , name=}. */
    private static final Pattern NEXT_KEY = Pattern.compile(",\\s*[A-Za-z0-9_@.:\\-]+=");
    /** Deeper than CloudTrail's records go (userIdentity: 4 levels); a hostile cell must not exhaust the stack. */
    private static final int MAX_DEPTH = 32;

    private final String text;
    private final boolean stringMap;
    private int pos;
    private int depth;
    private int nesting;

    private StructText(String text, boolean stringMap) {
        this.text = text;
        this.stringMap = stringMap;
    }

    /**
     * @param stringMap the column is a {@code map<string,string>} (CloudTrail Lake's {@code requestParameters}): a
     *                  JSON value of the map is its text, as a string of the record (a policy document) would be
     * @throws RecordMapper.BadRecord naming the column when the text is neither JSON nor a struct's rendering
     */
    static JsonNode parse(String column, String text, boolean stringMap) throws RecordMapper.BadRecord {
        String t = text.strip();
        if (t.startsWith("{\"") || t.startsWith("[{\"") || t.startsWith("[\"")) {
            try {
                return MAPPER.readTree(t);
            } catch (JsonProcessingException e) {
                throw new RecordMapper.BadRecord(column + " is not JSON: " + e.getOriginalMessage());
            }
        }
        StructText s = new StructText(t, stringMap);
        try {
            JsonNode v = s.value(false);
            if (s.pos != t.length()) {
                throw s.bad("unexpected `" + t.charAt(s.pos) + "`");
            }
            return v;
        } catch (IllegalArgumentException e) {
            throw new RecordMapper.BadRecord(column + " is neither JSON nor a struct (`{name=value, ...}`): "
                    + e.getMessage());
        }
    }

    private IllegalArgumentException bad(String why) {
        return new IllegalArgumentException(why + (pos >= text.length() ? " at its end" : " at character " + (pos + 1)));
    }

    /** @param inArray whether a plain value ends at {@code , } (an array's elements) rather than {@code , key=} */
    private JsonNode value(boolean inArray) {
        skipSpaces();
        if (nesting > MAX_DEPTH) {
            throw bad("nested deeper than " + MAX_DEPTH);
        }
        if (text.startsWith("{\"", pos) || text.startsWith("[{\"", pos) || text.startsWith("[\"", pos)) {
            return json();
        }
        if (pos < text.length() && text.charAt(pos) == '{') {
            return object();
        }
        if (pos < text.length() && text.charAt(pos) == '[') {
            return array();
        }
        return plain(inArray);
    }

    private JsonNode json() {
        try (JsonParser p = MAPPER.getFactory().createParser(text.substring(pos))) {
            JsonNode v = MAPPER.readTree(p);
            int start = pos;
            pos += (int) p.currentLocation().getCharOffset();
            return stringMap && depth == 1 ? NODES.textNode(text.substring(start, pos)) : v;
        } catch (IOException e) {
            throw bad("a value is not JSON");
        }
    }

    private ObjectNode object() {
        ObjectNode o = NODES.objectNode();
        depth++;
        nesting++;
        pos++;
        skipSpaces();
        if (peek('}')) {
            pos++;
            depth--;
            nesting--;
            return o;
        }
        while (true) {
            int eq = text.indexOf('=', pos);
            if (eq < 0) {
                throw bad("no `=` after a name");
            }
            String key = text.substring(pos, eq).strip();
            pos = eq + 1;
            o.set(key, value(false));
            skipSpaces();
            if (peek(',')) {
                pos++;
                skipSpaces();
            } else if (peek('}')) {
                pos++;
                depth--;
                nesting--;
                return o;
            } else {
                throw bad("no `}` closing a struct");
            }
        }
    }

    private ArrayNode array() {
        ArrayNode a = NODES.arrayNode();
        nesting++;
        pos++;
        skipSpaces();
        if (peek(']')) {
            pos++;
            nesting--;
            return a;
        }
        while (true) {
            a.add(value(true));
            skipSpaces();
            if (peek(',')) {
                pos++;
            } else if (peek(']')) {
                pos++;
                nesting--;
                return a;
            } else {
                throw bad("no `]` closing a list");
            }
        }
    }

    /** A value up to its separator or its container's closing bracket; {@code null} is a missing value. */
    private JsonNode plain(boolean inArray) {
        int end = text.length();
        if (inArray) {
            end = firstOf(end, text.indexOf(',', pos));
        } else {
            Matcher m = NEXT_KEY.matcher(text);
            if (m.find(pos)) {
                end = m.start();
            }
        }
        end = firstOf(end, closing(inArray ? ']' : '}'));
        String v = text.substring(pos, end).strip();
        pos = end;
        return v.equals("null") ? NODES.nullNode() : NODES.textNode(v);
    }

    /** The first closing bracket followed by a separator, another closing bracket or the end, -1 when none. */
    private int closing(char bracket) {
        for (int i = text.indexOf(bracket, pos); i >= 0; i = text.indexOf(bracket, i + 1)) {
            int next = i + 1;
            if (next == text.length() || ",]}".indexOf(text.charAt(next)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int firstOf(int end, int found) {
        return found >= 0 && found < end ? found : end;
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }
}
