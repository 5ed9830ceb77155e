package io.iamscope.model.io.cloudtrail;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CloudTrail events exported as CSV, one per row, as {@link RecordMapper} reads a JSON record: the results of an
 * Athena query over the CloudTrail table (Athena User Guide, "Query AWS CloudTrail logs": columns
 * {@code eventversion, useridentity, eventtime, eventsource, eventname, ...}, {@code useridentity} a struct,
 * {@code requestparameters} and {@code responseelements} JSON text) and of a CloudTrail Lake query (CloudTrail User
 * Guide, "Supported SQL schemas for event data stores": the same fields, {@code eventTime} a timestamp written
 * {@code 2026-11-27 21:03:12.000}, {@code requestParameters} and {@code responseElements} maps). Column names are
 * matched whatever their case; a struct or map cell is read as JSON or as its {@code {name=value, ...}} rendering
 * ({@link StructText}). Only the header decides that a file is CloudTrail: it must name
 * {@code eventTime, eventSource, eventName, userIdentity}.
 */
final class CsvRecords implements AutoCloseable {
    private static final CsvMapper CSV = new CsvMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> REQUIRED = List.of("eventtime", "eventsource", "eventname", "useridentity");
    /** A CloudTrail Lake timestamp: UTC, without the {@code T} and the zone of ISO 8601. */
    private static final Pattern LAKE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d+)?");

    /** Column (lower case) to the record field {@link RecordMapper} reads: the record contents' names. */
    private static final Map<String, String> FIELDS = names("eventVersion", "userIdentity", "eventTime", "eventSource",
            "eventName", "awsRegion", "sourceIPAddress", "userAgent", "errorCode", "errorMessage", "requestParameters",
            "responseElements", "additionalEventData", "requestID", "eventID", "resources", "eventType", "apiVersion",
            "readOnly", "recipientAccountId", "serviceEventDetails", "sharedEventID", "vpcEndpointId",
            "sessionCredentialFromConsole");
    /** Struct fields of {@code userIdentity} (Athena and Lake write them in lower case). */
    private static final Map<String, String> IDENTITY = names("type", "principalId", "arn", "accountId", "accessKeyId",
            "userName", "invokedBy", "sessionContext", "sessionIssuer", "attributes", "mfaAuthenticated",
            "creationDate", "sourceIdentity", "ec2RoleDelivery", "webIdFederationData", "onBehalfOf");
    /** Struct fields of a {@code resources} element: {@code ARN} is upper case in the JSON record. */
    private static final Map<String, String> RESOURCE = names("ARN", "accountId", "type");

    private final CsvParser parser;
    private List<String> columns;
    private int line;
    private List<String> cells;

    private CsvRecords(CsvParser parser) {
        this.parser = parser;
    }

    /** The file's rows, or null when its header is not CloudTrail's (the stream is then closed). */
    static CsvRecords open(InputStream in) throws IOException {
        CsvParser p = (CsvParser) CSV.getFactory().createParser(in);
        p.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        CsvRecords rows = new CsvRecords(p);
        if (!rows.next()) {
            p.close();
            return null;
        }
        // A byte order mark (Excel writes one) is not part of the first name.
        rows.columns = rows.cells.stream().map(c -> c.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT))
                .toList();
        if (!rows.columns.containsAll(REQUIRED)) {
            p.close();
            return null;
        }
        return rows;
    }

    /** Moves to the next row; false at the end. */
    boolean next() throws IOException {
        JsonToken t = parser.nextToken();
        while (t != null && t != JsonToken.START_ARRAY) {
            t = parser.nextToken();
        }
        if (t == null) {
            return false;
        }
        List<String> row = new ArrayList<>();
        for (t = parser.nextToken(); t != JsonToken.END_ARRAY && t != null; t = parser.nextToken()) {
            if (row.isEmpty()) {
                // The first cell's location: the array's own is where the previous row ended.
                line = parser.currentTokenLocation().getLineNr();
            }
            row.add(parser.getText());
        }
        cells = row;
        return true;
    }

    /** The line the current row starts on (1 is the header). */
    int line() {
        return line;
    }

    /** The line the parser is on: where a broken file stopped being read. */
    int stoppedAt() {
        return parser.currentLocation().getLineNr();
    }

    /** The current row as a CloudTrail record. */
    JsonNode record() throws RecordMapper.BadRecord {
        if (cells.size() != columns.size()) {
            throw new RecordMapper.BadRecord(cells.size() + " columns, the header has " + columns.size());
        }
        ObjectNode r = NODES.objectNode();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            String cell = cells.get(i);
            if (cell.isEmpty()) {
                continue;
            }
            String field = FIELDS.getOrDefault(column, column);
            switch (field) {
                case "userIdentity" -> r.set(field, rename(StructText.parse(column, cell, false), IDENTITY));
                case "resources" -> r.set(field, rename(StructText.parse(column, cell, false), RESOURCE));
                case "requestParameters", "responseElements", "additionalEventData", "serviceEventDetails" ->
                        r.set(field, cell.strip().startsWith("{") || cell.strip().startsWith("[")
                                ? StructText.parse(column, cell, field.equals("requestParameters"))
                                : NODES.textNode(cell));
                case "eventTime" -> r.put(field, LAKE_TIME.matcher(cell).matches()
                        ? cell.replace(' ', 'T') + "Z" : cell);
                default -> r.put(field, cell);
            }
        }
        return r;
    }

    /** Struct field names as the JSON record spells them; a map's own keys (not in {@code names}) are kept. */
    private static JsonNode rename(JsonNode node, Map<String, String> names) {
        if (node instanceof ArrayNode a) {
            ArrayNode out = NODES.arrayNode();
            a.forEach(e -> out.add(rename(e, names)));
            return out;
        }
        if (node instanceof ObjectNode o) {
            ObjectNode out = NODES.objectNode();
            o.fields().forEachRemaining(f -> out.set(names.getOrDefault(f.getKey().toLowerCase(Locale.ROOT),
                    f.getKey()), rename(f.getValue(), names)));
            return out;
        }
        return node;
    }

    private static Map<String, String> names(String... names) {
        Map<String, String> m = new java.util.HashMap<>();
        for (String n : names) {
            m.put(n.toLowerCase(Locale.ROOT), n);
        }
        return Map.copyOf(m);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
