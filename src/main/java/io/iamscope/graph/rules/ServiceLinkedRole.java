package io.iamscope.graph.rules;

import io.iamscope.access.Actor;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.TechniqueContext;

/**
 * A service-linked role a service needs in the attacker's account before it acts (EC2 Spot's, Auto Scaling's):
 * either the snapshot has it (a role under {@code /aws-service-role/SERVICE/}), or the service creates it during
 * the attacker's request, which then needs the attacker's permission to create it: iam:CreateServiceLinkedRole on
 * the role with {@code iam:AWSServiceName} = the service (IAM User Guide, "Using service-linked roles",
 * "Service-linked role permissions"; Service Authorization Reference, IAM: CreateServiceLinkedRole).
 *
 * @param service the service principal that owns the role ({@code spot.amazonaws.com})
 * @param name    the role's name ({@code AWSServiceRoleForEC2Spot})
 */
record ServiceLinkedRole(String service, String name) {
    /** Whether the role exists or the attacker may have it created; the creation's evidence goes to {@code steps}. */
    boolean presentOrCreatable(Actor a, TechniqueContext ctx, Steps steps) {
        if (ctx.inventory().hasServiceLinkedRole(a.account(), service)) {
            return true;
        }
        String arn = "arn:aws:iam::" + a.account() + ":role/aws-service-role/" + service + "/" + name;
        return steps.allow(ctx.checker().check(a, "iam:CreateServiceLinkedRole", arn, "iam:AWSServiceName", service));
    }
}
