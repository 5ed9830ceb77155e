package io.iamscope.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.iamscope.model.CredentialReport;
import io.iamscope.model.CredentialReportEntry;
import io.iamscope.model.CredentialReportEntry.KeySlot;
import io.iamscope.policy.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an IAM credential report as {@code aws iam get-credential-report} gives it: its JSON output (the CSV
 * base64-encoded in {@code Content}), the CSV base64-encoded, or the CSV itself (IAM User Guide: "Getting
 * credential reports for your AWS account", which lists the columns). Columns are found by their header names,
 * so a report with more or fewer columns still reads; {@code user} and {@code arn} are required.
 */
public final class CredentialReportReader {
    private CredentialReportReader() {
    }

    public static CredentialReport read(Path file) {
        SourceLocation at = SourceLocation.of(file.toString());
        String text;
        try {
            text = io.iamscope.policy.parse.JsonText.utf8(Files.readAllBytes(file));
        } catch (IOException e) {
            throw JsonInput.failure(e, file, at);
        }
        if (text == null) {
            throw JsonInput.refused(new io.iamscope.policy.parse.JsonText.Refusal(
                    io.iamscope.policy.parse.JsonText.Problem.INVALID_UTF8, "not valid UTF-8", null), file, at);
        }
        text = text.strip();
        String generated = null;
        if (text.startsWith("{")) {
            JsonNode json = JsonInput.read(file);
            text = JsonInput.required(json, "Content", at);
            generated = JsonInput.text(json, "GeneratedTime");
        }
        if (!text.startsWith("user,")) {
            text = decode(text, at);
        }
        return parse(text, file.toString(), generated);
    }

    /** Parses the CSV text of a report. */
    static CredentialReport parse(String csv, String source, String generated) {
        SourceLocation at = SourceLocation.of(source);
        List<List<String>> rows = Csv.parse(csv);
        if (rows.isEmpty()) {
            throw new SnapshotException("CREDENTIAL_REPORT_EMPTY", "the credential report is empty", at);
        }
        Map<String, Integer> column = new HashMap<>();
        List<String> header = rows.get(0);
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i).strip(), i);
        }
        for (String required : List.of("user", "arn")) {
            if (!column.containsKey(required)) {
                throw new SnapshotException("CREDENTIAL_REPORT_MISSING_COLUMN", "no `" + required + "` column in the"
                        + " header", at);
            }
        }
        List<CredentialReportEntry> entries = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            Row row = new Row(rows.get(r), column);
            if (row.value("user") == null) {
                continue;
            }
            List<KeySlot> keys = new ArrayList<>(2);
            for (int slot = 1; slot <= 2; slot++) {
                String p = "access_key_" + slot + "_";
                keys.add(new KeySlot(slot, Boolean.TRUE.equals(row.flag(p + "active")), row.value(p + "last_rotated"),
                        row.value(p + "last_used_date"), row.value(p + "last_used_service")));
            }
            entries.add(new CredentialReportEntry(row.value("user"), row.value("arn"), row.value("user_creation_time"),
                    row.flag("password_enabled"), row.value("password_last_used"), row.flag("mfa_active"), keys));
        }
        return new CredentialReport(source, generated, entries);
    }

    private static String decode(String text, SourceLocation at) {
        try {
            String csv = new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8);
            if (csv.startsWith("user,")) {
                return csv;
            }
        } catch (IllegalArgumentException e) {
            // not base64: reported below
        }
        throw new SnapshotException("CREDENTIAL_REPORT_UNKNOWN_FORMAT", "not a credential report: expected the CSV"
                + " (its header starts with `user,`), the CSV base64-encoded, or the JSON output of"
                + " `aws iam get-credential-report`", at);
    }

    /** One CSV row read through the header's column positions. */
    private record Row(List<String> cells, Map<String, Integer> column) {
        /** The cell, or null when absent or one of the report's words for "no value". */
        String value(String name) {
            Integer i = column.get(name);
            if (i == null || i >= cells.size()) {
                return null;
            }
            String v = cells.get(i).strip();
            return v.isEmpty() || v.equals("N/A") || v.equals("no_information") || v.equals("not_supported") ? null : v;
        }

        Boolean flag(String name) {
            String v = value(name);
            return v == null ? null : Boolean.valueOf("true".equalsIgnoreCase(v));
        }
    }
}
