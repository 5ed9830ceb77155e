package io.iamscope.cli;

import io.iamscope.catalog.Action;
import io.iamscope.catalog.ActionSet;
import io.iamscope.catalog.Catalog;
import java.io.PrintWriter;
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

/** {@code iamscope catalog expand PATTERN...}: the actions the patterns name, with their access levels. */
@Command(name = "expand", mixinStandardHelpOptions = true,
        description = "List the actions that action patterns such as s3:Get* or *:Describe* name.")
final class CatalogExpandCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATTERN", description = "action patterns, e.g. s3:Get* or iam:?etRole")
    List<String> patterns;

    @Option(names = "--not", description = "list the actions the patterns do not name, as NotAction would")
    boolean not;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    CatalogCommand.Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Catalog catalog = Catalog.bundled();
        ActionSet set = catalog.expandAll(patterns);
        if (not) {
            set = catalog.complement(set);
        }
        if (format == CatalogCommand.Format.json) {
            List<Map<String, Object>> actions = new ArrayList<>();
            set.ids().forEach(id -> {
                Action a = catalog.action(id);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("action", a.fullName());
                row.put("accessLevel", a.accessLevel().label());
                actions.add(row);
            });
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("patterns", patterns);
            doc.put("not", not);
            doc.put("count", set.size());
            doc.put("actions", actions);
            out.println(CatalogJson.write(doc));
        } else {
            set.ids().forEach(id -> {
                Action a = catalog.action(id);
                out.printf("%-60s %s%n", a.fullName(), a.accessLevel().label());
            });
            out.println(set.size() + (set.size() == 1 ? " action" : " actions"));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
