package io.iamscope.collect;

import io.iamscope.collect.call.AwsOperation;
import io.iamscope.collect.call.Calls;
import io.iamscope.collect.call.Gaps;
import io.iamscope.collect.call.SdkJson;
import io.iamscope.collect.call.AwsClients;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamscope.aws.AwsFailure;
import io.iamscope.aws.CredentialsFailure;
import io.iamscope.aws.AwsHttp;
import io.iamscope.aws.AwsLogin;
import io.iamscope.collect.org.OrganizationCollector;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.ec2.model.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * {@code iamscope collect}: the caller's identity, the organization (with {@code --org}), the caller's account
 * and, with an assumable role, each member account, into one snapshot tree. A failing call becomes a gap;
 * only a failure to learn who the caller is (no credentials, no network) stops everything.
 */
public final class Collector {
    /** The tool name written into snapshots. */
    public static final String TOOL = "iamscope " + io.iamscope.model.ToolVersion.version();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final CollectOptions options;
    private final Progress progress;
    private final AwsCredentialsProvider credentials;
    private final Supplier<RetryStrategy> retries;
    private final Supplier<SdkHttpClient> http;

    /**
     * How long one read of an answer may stall before the attempt fails (and is retried, then recorded as an
     * {@code UNREACHABLE} gap): a server that accepts the connection and never answers must not hang the run.
     */
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /**
     * A collector logged in as the AWS CLI would be ({@link AwsLogin}: the profile or the default chain, the
     * region chain) with the adaptive retry strategy.
     */
    public Collector(CollectOptions options, Progress progress) {
        this(options, progress, AwsLogin.resolve(options.profile(), options.region()), AwsClients.adaptiveRetries(),
                (Supplier<SdkHttpClient>) null);
    }

    /** A collector with given credentials and retries (tests: static keys, no backoff). */
    public Collector(CollectOptions options, Progress progress, AwsCredentialsProvider credentials,
            Supplier<RetryStrategy> retries) {
        this(options, progress, credentials, retries, null);
    }

    /** A collector with its own HTTP client (tests: timeouts of milliseconds against a slow server). */
    public Collector(CollectOptions options, Progress progress, AwsCredentialsProvider credentials,
            Supplier<RetryStrategy> retries, Supplier<SdkHttpClient> http) {
        this(options, progress, AwsLogin.withCredentials(options.profile(), options.region(), credentials), retries,
                http);
    }

    private Collector(CollectOptions options, Progress progress, AwsLogin login, Supplier<RetryStrategy> retries,
            Supplier<SdkHttpClient> http) {
        this.options = options.withRegion(login.region().id());
        this.progress = progress;
        this.credentials = login.credentials();
        this.retries = retries;
        // The proxies of the environment (AwsHttp), and read timeouts so that a server that never answers fails.
        this.http = http != null ? http : () -> AwsHttp.builder(this.options.endpoint())
                .socketTimeout(SOCKET_TIMEOUT).connectionTimeout(CONNECT_TIMEOUT).build();
    }

    /** Collects everything; throws {@link CollectException} only when nothing at all can be collected. */
    public CollectResult run() {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (SdkHttpClient client = http.get()) {
            AwsClients clients = new AwsClients(credentials, client, options.endpoint(), retries);
            GetCallerIdentityResponse caller = callerIdentity(clients);
            String accountId = caller.account();
            String partition = partitionOf(caller.arn());
            progress.report("collecting as " + caller.arn());

            PartialCollection kept = options.resume()
                    ? PartialCollection.resume(options.partial(), options, accountId) : null;
            if (options.resume() && kept == null) {
                progress.report("nothing to resume in `" + options.partial() + "`: collecting everything");
            }
            Gaps callerGaps = new Gaps();
            List<String> regions;
            ObjectNode organization = null;
            if (kept != null) {
                // What the interrupted run found, so that the snapshot is the one it would have written.
                kept.gaps().forEach(callerGaps::add);
                regions = kept.regions();
                organization = kept.organization();
                progress.report("resuming the collection started at " + kept.collectedAt());
            } else {
                regions = regions(clients, new Calls(callerGaps));
                if (options.organization()) {
                    organization = new OrganizationCollector(clients.organizations(partition), new Calls(callerGaps))
                            .collect();
                }
            }
            String collectedAt = kept != null ? kept.collectedAt() : started.toString();
            JsonNode collectedBy = kept != null ? kept.collectedBy() : SdkJson.toJson(caller);
            if (kept == null && options.partial() != null) {
                kept = PartialCollection.start(options.partial(), options, collectedAt, collectedBy, regions,
                        organization, callerGaps.list());
            }

            ObjectNode snapshot = NODES.objectNode();
            snapshot.put("format", "iamscope-snapshot");
            snapshot.put("version", 1);
            snapshot.put("collectedAt", collectedAt);
            snapshot.set("collectedBy", collectedBy);
            snapshot.put("tool", TOOL);
            if (organization != null) {
                snapshot.set("organization", organization);
                progress.report("organization " + organization.path("id").asText() + ": "
                        + organization.path("accounts").size() + " accounts");
            }

            List<CollectResult.AccountSummary> summaries = new ArrayList<>();
            ArrayNode accounts = snapshot.putArray("accounts");
            ObjectNode own = kept == null ? null : kept.account(accountId);
            if (own == null) {
                own = new AccountCollector(clients, progress).collect(accountId, partition, options.region(),
                        regions, callerGaps);
                if (kept != null) {
                    kept.save(own);
                }
            } else {
                progress.report(accountId + ": kept from the interrupted run");
            }
            add(accounts, summaries, own);

            if (organization != null && options.assumeRoleName() != null) {
                MemberCollector members = new MemberCollector(clients, options, progress, partition, regions, kept);
                for (ObjectNode m : members.collectAll(memberIds(organization, accountId))) {
                    add(accounts, summaries, m);
                }
            }
            return new CollectResult(snapshot, summaries);
        }
    }

    private static void add(ArrayNode accounts, List<CollectResult.AccountSummary> summaries, ObjectNode account) {
        accounts.add(account);
        summaries.add(new CollectResult.AccountSummary(account.path("accountId").asText(),
                account.path("resources").size(), PartialCollection.gapsOf(account.path("gaps"))));
    }

    /** Who we are; the one call whose failure ends the collection (exit 3). */
    private GetCallerIdentityResponse callerIdentity(AwsClients clients) {
        try (StsClient sts = clients.sts(options.region())) {
            GetCallerIdentityResponse identity = sts.getCallerIdentity();
            if (identity.account() == null || identity.arn() == null) {
                // Every answer of the API names both (STS API Reference, GetCallerIdentity: Response Elements).
                throw new CollectException(AwsFailure.Kind.MALFORMED_RESPONSE.name(), "cannot read the caller"
                        + " identity" + where() + ": the answer names no account or ARN (is this an AWS endpoint?)");
            }
            return identity;
        } catch (SdkException e) {
            AwsFailure f = AwsFailure.of(e);
            String where = where();
            String message = switch (f.kind()) {
                case NO_CREDENTIALS -> f.message();
                case UNREACHABLE -> "cannot reach aws" + where + ": " + f.message();
                default -> "cannot read the caller identity" + where + ": " + f.message();
            };
            throw new CollectException(f.code(), message);
        } catch (CredentialsFailure e) {
            throw new CollectException(AwsFailure.Kind.NO_CREDENTIALS.name(), e.getMessage());
        }
    }

    private String where() {
        return options.endpoint() != null ? " at `" + options.endpoint() + "`" : "";
    }

    /** The regions asked for, or every region enabled for the account; the home region if that fails. */
    private List<String> regions(AwsClients clients, Calls calls) {
        if (!options.regions().isEmpty()) {
            return options.regions();
        }
        try (Ec2Client ec2 = clients.ec2(options.region())) {
            // Without AllRegions, DescribeRegions lists only the regions enabled for the account.
            DescribeRegionsResponse r = calls.get(AwsOperation.EC2_DESCRIBE_REGIONS, options.region(), null,
                    () -> ec2.describeRegions(b -> { }));
            if (r == null || r.regions().isEmpty()) {
                return List.of(options.region());
            }
            return r.regions().stream().map(Region::regionName).sorted().toList();
        }
    }

    private static List<String> memberIds(ObjectNode organization, String callerAccount) {
        List<String> ids = new ArrayList<>();
        for (JsonNode a : organization.path("accounts")) {
            String id = a.path("Id").asText();
            if (!id.equals(callerAccount) && !"SUSPENDED".equals(a.path("Status").asText())) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The partition from an ARN: {@code aws}, {@code aws-us-gov}, {@code aws-cn}. */
    static String partitionOf(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", 3);
        return parts.length >= 2 && !parts[1].isEmpty() ? parts[1] : "aws";
    }

    /** Runs {@code tasks} on {@code threads} threads, returning results in order. */
    static <T> List<T> inParallel(List<java.util.concurrent.Callable<T>> tasks, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tasks.size())));
        try {
            List<Future<T>> futures = pool.invokeAll(tasks);
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CollectException("INTERRUPTED", "collection interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
