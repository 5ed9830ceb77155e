package io.iamscope.cli;

import io.iamscope.catalog.Action;
import io.iamscope.catalog.ActionResource;
import io.iamscope.catalog.Catalog;
import io.iamscope.catalog.ConditionKey;
import io.iamscope.catalog.ResourceType;
import io.iamscope.catalog.Service;
import io.iamscope.model.LookupException;
import io.iamscope.model.Nearest;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code iamscope catalog service PREFIX}: a service's actions, resource types and condition keys. */
@Command(name = "service", mixinStandardHelpOptions = true,
        description = "Show a service's actions, resource types and condition keys.")
final class CatalogServiceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PREFIX", description = "the service prefix, e.g. s3")
    String prefix;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    CatalogCommand.Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Catalog catalog = Catalog.bundled();
        Service s = catalog.service(prefix).orElseThrow(() -> new LookupException("SERVICE_UNKNOWN", "`" + prefix
                + "` is not a service of the catalog", Nearest.to(prefix,
                catalog.services().stream().map(Service::prefix).toList(), 3)));
        if (format == CatalogCommand.Format.json) {
            out.println(CatalogJson.write(json(s)));
        } else {
            text(s, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void text(Service s, PrintWriter out) {
        out.println(s.prefix() + ": " + s.name());
        out.println();
        out.println("actions (" + s.actions().size() + "), resource types marked * are required:");
        for (Action a : s.actions()) {
            String types = a.resources().stream().map(r -> r.type().name() + (r.required() ? "*" : ""))
                    .collect(Collectors.joining(", "));
            out.printf("  %-50s %-24s %s%n", a.name(), a.accessLevel().label(), types.isEmpty() ? "-" : types);
        }
        out.println();
        out.println("resource types (" + s.resourceTypes().size() + "):");
        for (ResourceType r : s.resourceTypes()) {
            out.printf("  %-40s %s%n", r.name(), r.arnFormat());
        }
        out.println();
        out.println("condition keys (" + s.conditionKeys().size() + "):");
        for (ConditionKey k : s.conditionKeys()) {
            out.printf("  %-60s %s%n", k.name(), k.type() == null ? "-" : k.type());
        }
    }

    private static Map<String, Object> json(Service s) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("prefix", s.prefix());
        doc.put("name", s.name());
        doc.put("actions", s.actions().stream().map(a -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("action", a.fullName());
            row.put("accessLevel", a.accessLevel().label());
            row.put("resourceTypes", a.resources().stream().map(CatalogServiceCommand::resource).toList());
            row.put("conditionKeys", a.conditionKeys());
            return row;
        }).toList());
        doc.put("resourceTypes", s.resourceTypes().stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", r.name());
            row.put("arn", r.arnFormat());
            row.put("conditionKeys", r.conditionKeys());
            return row;
        }).toList());
        doc.put("conditionKeys", s.conditionKeys().stream().map(k -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", k.name());
            row.put("type", k.type());
            return row;
        }).toList());
        return doc;
    }

    private static Map<String, Object> resource(ActionResource r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", r.type().name());
        row.put("required", r.required());
        return row;
    }
}
