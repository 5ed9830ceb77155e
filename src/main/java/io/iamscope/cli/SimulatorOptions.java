package io.iamscope.cli;

import io.iamscope.simulator.SimulatorAuthorizer;
import io.iamscope.simulator.SimulatorConnection;
import io.iamscope.simulator.SimulatorSettings;
import picocli.CommandLine.Option;

/** How to reach the IAM policy simulator: the same connection options as {@code collect}. */
final class SimulatorOptions {
    @Option(names = "--endpoint-url", description = "IAM endpoint to call instead of the default.")
    String endpointUrl;

    @Option(names = "--profile", description = "Named profile of the AWS config files: keys, SSO,"
            + " credential_process, web identity, role_arn (default: the SDK's default chain, AWS_PROFILE).")
    String profile;

    @Option(names = "--region", description = "AWS region; IAM is called in its partition's home region (default:"
            + " AWS_REGION, the profile's region, us-east-1).")
    String region;

    @Option(names = "--rate", description = "At most this many simulator calls per second (0: no limit).",
            defaultValue = "0")
    double rate;

    SimulatorAuthorizer connect() {
        return SimulatorAuthorizer.connect(SimulatorConnection.of(endpointUrl, profile, region),
                SimulatorSettings.DEFAULTS.withRate(rate));
    }
}
