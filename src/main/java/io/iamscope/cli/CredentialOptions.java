package io.iamscope.cli;

import io.iamscope.model.AccessKey;
import io.iamscope.model.CredentialReport;
import io.iamscope.model.Snapshot;
import io.iamscope.model.io.AccessKeysReader;
import io.iamscope.model.io.CredentialReportKeys;
import io.iamscope.model.io.CredentialReportReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --access-keys FILE} and {@code --credential-report FILE}: credential facts the snapshot may lack, read
 * as the AWS CLI prints them (docs/review.md, "Inputs"). A mixin, so that any analysis command can take them.
 */
final class CredentialOptions {
    @Option(names = "--access-keys", paramLabel = "FILE",
            description = "Output of `aws iam list-access-keys` (one user's, or a JSON array of them); repeatable.")
    List<Path> accessKeys = List.of();

    @Option(names = "--credential-report", paramLabel = "FILE",
            description = "Output of `aws iam get-credential-report` (its JSON, or the CSV, base64 or not), one per"
                    + " account; repeatable.")
    List<Path> credentialReports = List.of();

    /** The reports once read. */
    private List<CredentialReport> reports;

    /**
     * The snapshot with the keys and the credential reports' key counts added; a key or report row of a user the
     * snapshot lacks is a warning on {@code err}.
     */
    Snapshot apply(Snapshot snapshot, PrintWriter err) {
        return withReportedKeys(withAccessKeys(snapshot, err), reports(err), err);
    }

    /** The snapshot with the keys added; a key of a user the snapshot lacks is a warning on {@code err}. */
    Snapshot withAccessKeys(Snapshot snapshot, PrintWriter err) {
        if (accessKeys.isEmpty()) {
            return snapshot;
        }
        List<AccessKey> keys = new ArrayList<>();
        for (Path f : accessKeys) {
            keys.addAll(AccessKeysReader.read(f));
        }
        List<String> warnings = new ArrayList<>();
        Snapshot out = AccessKeysReader.addTo(snapshot, keys, warnings);
        err.println("read " + accessKeys.size() + " access key file(s): " + keys.size() + " key(s)");
        warnings.forEach(w -> err.println("iamscope: warning: " + w));
        err.flush();
        return out;
    }

    /** The snapshot with the reports' active key counts; a row of a user the snapshot lacks is a warning. */
    Snapshot withReportedKeys(Snapshot snapshot, List<CredentialReport> reports, PrintWriter err) {
        if (reports.isEmpty()) {
            return snapshot;
        }
        List<String> warnings = new ArrayList<>();
        Snapshot out = CredentialReportKeys.addTo(snapshot, reports, warnings);
        warnings.forEach(w -> err.println("iamscope: warning: " + w));
        err.flush();
        return out;
    }

    /** The credential reports given, each read once (a command asks for them once). */
    List<CredentialReport> reports(PrintWriter err) {
        if (reports == null) {
            List<CredentialReport> out = new ArrayList<>();
            for (Path f : credentialReports) {
                CredentialReport r = CredentialReportReader.read(f);
                err.println("read " + f + ": credential report, " + r.entries().size() + " rows");
                out.add(r);
            }
            err.flush();
            reports = List.copyOf(out);
        }
        return reports;
    }
}
