package io.iamscope.cli;

import io.iamscope.catalog.Catalog;
import io.iamscope.analysis.lint.LintFinding;
import io.iamscope.analysis.lint.PolicyLint;
import io.iamscope.policy.Diagnostic;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.PolicyGrammar;
import io.iamscope.policy.PolicyParseException;
import io.iamscope.policy.PolicyType;
import io.iamscope.policy.parse.JsonText;
import io.iamscope.policy.parse.PolicyParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
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
 * AWS would refuse in it for its type ({@link PolicyGrammar}; a document the parser refuses, such as a statement
 * without Effect, is one such finding). Exit 0 when clean, 1 with findings, 2 when the file cannot be read or is
 * not JSON.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Flag unknown actions, services and condition keys in a policy document, and what AWS would"
                + " refuse in it for its type.")
final class CatalogLintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a policy document (JSON)")
    Path file;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    CatalogCommand.Format format;

    @Option(names = "--type", defaultValue = "auto", paramLabel = "TYPE",
            description = "identity, resource, trust, scp, rcp or auto (default: ${DEFAULT-VALUE}: guessed from the"
                    + " document; SCPs and RCPs must be named)")
    String type;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PolicyType given = "auto".equalsIgnoreCase(type) ? null : PolicyType.of(type);
        if (given == null && !"auto".equalsIgnoreCase(type)) {
            throw new UserInputException("POLICY_TYPE_UNKNOWN: `" + type + "` is not a policy type (use identity,"
                    + " resource, trust, scp, rcp or auto)");
        }
        String text = read();
        List<LintFinding> findings = new ArrayList<>();
        PolicyType readAs = given;
        try {
            PolicyDocument policy = PolicyParser.parse(text, file.toString());
            findings.addAll(new PolicyLint(Catalog.bundled()).lint(policy));
            readAs = given != null ? given : PolicyGrammar.likelyType(policy);
            Set<String> seen = new HashSet<>();
            findings.forEach(f -> seen.add(f.code() + " " + f.pointer()));
            for (Diagnostic d : PolicyGrammar.validate(policy, readAs)) {
                // PolicyLint points at the malformed action itself; the grammar's copy points at the element.
                if (!d.code().equals("MALFORMED_ACTION") && seen.add(d.code() + " " + d.location().pointer())) {
                    findings.add(new LintFinding(d.code(), d.location().pointer(), d.message()));
                }
            }
        } catch (PolicyParseException e) {
            if (e.code().equals("POLICY_MALFORMED_JSON") || e.code().equals("POLICY_MALFORMED_ENCODING")) {
                throw e; // not a policy AWS would refuse: not a policy at all (exit 2)
            }
            // A policy AWS would refuse outright (no Effect, an Effect of `Permit`, ...): a finding.
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
        return findings.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private String read() {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = JsonText.utf8(bytes);
            if (text == null) {
                throw new UserInputException("cannot read `" + file + "`: not valid UTF-8 at byte "
                        + JsonText.invalidUtf8At(bytes) + ": save the file as UTF-8");
            }
            return text;
        } catch (NoSuchFileException e) {
            throw new UserInputException("cannot read `" + file + "`: no such file");
        } catch (IOException e) {
            throw new UserInputException("cannot read `" + file + "`: " + e.getMessage());
        }
    }
}
