package io.iamscope.cli;

import io.iamscope.catalog.Catalog;
import io.iamscope.analysis.lint.LintFinding;
import io.iamscope.analysis.lint.PolicyLint;
import io.iamscope.policy.PolicyDocument;
import io.iamscope.policy.parse.PolicyParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code iamscope catalog lint FILE}: unknown actions, services and condition keys in a policy document. Exit 0
 * when clean, 1 with findings, 2 when the file cannot be read as a policy (the parser's error, with its pointer).
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Flag unknown actions, services and condition keys in a policy document.")
final class CatalogLintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a policy document (JSON)")
    Path file;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    CatalogCommand.Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PolicyDocument policy = PolicyParser.parse(read(), file.toString());
        List<LintFinding> findings = new PolicyLint(Catalog.bundled()).lint(policy);
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
            doc.put("findings", rows);
            out.println(CatalogJson.write(doc));
        } else {
            for (LintFinding f : findings) {
                out.println(file + "#" + f.pointer() + ": " + f.code() + ": " + f.message());
            }
            if (findings.isEmpty()) {
                out.println(file + ": no unknown names");
            }
        }
        out.flush();
        return findings.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private String read() {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UserInputException("cannot read `" + file + "`: no such file");
        } catch (IOException e) {
            throw new UserInputException("cannot read `" + file + "`: " + e.getMessage());
        }
    }
}
