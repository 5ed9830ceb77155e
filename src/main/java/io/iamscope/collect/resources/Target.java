package io.iamscope.collect.resources;

import io.iamscope.collect.call.AwsClients;
import io.iamscope.collect.call.Calls;

/**
 * Where a resource collector works: one account's clients, one region, the partition for building ARNs,
 * and the calls that record gaps.
 */
public record Target(AwsClients clients, Calls calls, String accountId, String partition, String region) {
}
