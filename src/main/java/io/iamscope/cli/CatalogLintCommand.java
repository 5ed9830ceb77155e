package io.iamscope.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamscope.catalog.Catalog;
import io.iamscope.catalog.LintFinding;
import io.iamscope.catalog.PolicyLint;
import io.iamscope.policy.Diagnostic;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.PolicyGrammar;
import io.iamscope.policy.PolicyParseException;
import io.iamscope.policy.PolicyType;
import io.iamscope.policy.parse.PolicyParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code iamscope catalog lint FILE}: unknown actions, services and condition keys in a policy document, and what
 * AWS would refuse in it for its type ({@link PolicyGrammar}). Exit 0 when clean, 1 with findings, 2 when the file
 * cannot be read as a policy.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Flag unknown actions, services and condition keys in a policy document, and what AWS would"
                + " refuse in it for its type.")
final class CatalogLintCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a policy document (JSON)")
    Path file;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    CatalogCommand.Format format;

    @Option(names = "--type", defaultValue = "auto", paramLabel = "TYPE", description = "identity, resource, trust,"
            + " scp, rcp, or auto: a policy with a Principal is resource-based (a trust policy when it has no"
            + " Resource and only sts: actions), else identity-based (default: ${DEFAULT-VALUE})")
    String type;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JsonNode policy;
        try {
            policy = read();
        } catch (InputError e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return CatalogCommand.INPUT_ERROR;
        }
        PolicyType given = "auto".equalsIgnoreCase(type) ? null : PolicyType.of(type);
        if (given == null && !"auto".equalsIgnoreCase(type)) {
            err.println("error: `" + type + "` is not a policy type (use identity, resource, trust, scp, rcp or auto)");
            err.flush();
            return CatalogCommand.INPUT_ERROR;
        }
        Catalog catalog = CatalogCommand.catalogOrReport(err);
        if (catalog == null) {
            return CatalogCommand.INPUT_ERROR;
        }
        List<LintFinding> findings = new ArrayList<>(new PolicyLint(catalog).lint(policy));
        PolicyType readAs = given;
        try {
            PolicyDocument doc = PolicyParser.parse(policy, file.toString());
            readAs = given != null ? given : PolicyGrammar.likelyType(doc);
            Set<String> seen = new HashSet<>();
            findings.forEach(f -> seen.add(f.code() + " " + f.pointer()));
            for (Diagnostic d : PolicyGrammar.validate(doc, readAs)) {
                // PolicyLint points at the malformed action itself; the parser's copy points at the element.
                if (!d.code().equals("MALFORMED_ACTION") && seen.add(d.code() + " " + d.location().pointer())) {
                    findings.add(new LintFinding(d.code(), d.location().pointer(), d.message()));
                }
            }
        } catch (PolicyParseException e) {
            // A policy AWS would refuse outright (no Effect, an Effect of `Permit`, ...): a finding, not an input error.
            findings.add(new LintFinding(e.code(), e.location().pointer(), e.getMessage()));
        }
        if (format == CatalogCommand.Format.json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (LintFinding f : findings) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("code", f.code());
                row.put("pointer", f.pointer());
                row.put("message", f.message());
                rows.add(row);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", file.toString());
            doc.put("type", readAs == null ? null : readAs.name().toLowerCase(java.util.Locale.ROOT));
            doc.put("findings", rows);
            out.println(CatalogJson.write(doc));
        } else {
            for (LintFinding f : findings) {
                out.println(file + "#" + f.pointer() + ": " + f.code() + ": " + f.message());
            }
            if (findings.isEmpty()) {
                out.println(file + ": no findings" + (readAs == null ? "" : " (read as a " + readAs.description() + ")"));
            }
        }
        out.flush();
        return findings.isEmpty() ? CatalogCommand.OK : CatalogCommand.FINDINGS;
    }

    private JsonNode read() throws InputError {
        JsonNode policy;
        try {
            policy = MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new InputError("cannot read `" + file + "`: no such file");
        } catch (JsonProcessingException e) {
            throw new InputError("`" + file + "` is not valid json: " + e.getOriginalMessage().replace('\n', ' ')
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new InputError("cannot read `" + file + "`: " + e.getMessage());
        }
        if (policy == null || !policy.isObject() || !policy.has("Statement")) {
            throw new InputError("`" + file + "` is not a policy document: it has no `Statement`");
        }
        return policy;
    }

    /** A file that cannot be linted; its message is the one line the user sees. */
    private static final class InputError extends Exception {
        InputError(String message) {
            super(message, null, false, false);
        }
    }
}
