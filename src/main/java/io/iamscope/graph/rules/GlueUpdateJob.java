package io.iamscope.graph.rules;

import io.iamscope.access.AccessChecker;
import io.iamscope.access.Actor;
import io.iamscope.access.Evidence;
import io.iamscope.access.Targets;
import io.iamscope.graph.technique.Steps;
import io.iamscope.graph.technique.TargetKind;
import io.iamscope.graph.technique.TechniqueContext;
import io.iamscope.graph.technique.TechniqueInfo;
import io.iamscope.model.Resource;
import java.util.List;

/**
 * iam:PassRole + glue:UpdateJob on an existing job, then glue:StartJobRun on it or glue:CreateTrigger (a new
 * scheduled trigger that starts it): the job's new script runs with the role the update sets, the job's own or
 * another that trusts Glue. An update rewrites the whole definition, role included ("The previous job definition is
 * completely overwritten", Glue API Reference, JobUpdate), and editing a job takes "glue:UpdateJob ... and
 * iam:PassRole on the job role" (AWS Glue Developer Guide, "IAM permissions for auto upgrade"), so the role is passed
 * whether or not it changes ({@code iam:PassedToService} = {@code glue.amazonaws.com}). UpdateJob and StartJobRun are
 * authorized on the job, CreateTrigger on the new trigger (Service Authorization Reference, AWS Glue); UpdateJob's
 * keys ({@code glue:VpcIds}, {@code glue:SubnetIds}, {@code glue:SecurityGroupIds}) are the attacker's: declared
 * unknown. Jobs come from the snapshot ({@code AWS::Glue::Job}); no job, no edge. Of the jobs that allow the
 * update and a start, a definite one is the evidence, else the first conditional one.
 */
final class GlueUpdateJob extends PassRoleTechnique {
    static final String TYPE = "AWS::Glue::Job";
    private static final String UPDATE = "glue:UpdateJob";
    private static final List<String> CHOSEN = List.of("glue:VpcIds", "glue:SubnetIds", "glue:SecurityGroupIds");
    private static final TechniqueInfo INFO = new TechniqueInfo("glue-update-job",
            "iam:PassRole + glue:UpdateJob + glue:StartJobRun or glue:CreateTrigger on an existing job",
            "rewrite an existing Glue job with the attacker's script and a role that trusts Glue, then start it or"
                    + " schedule a trigger that does",
            List.of("iam:PassRole", UPDATE), TargetKind.ROLE, "the permissions of the passed role",
            List.of(Refs.PATHFINDING));

    @Override
    public TechniqueInfo info() {
        return INFO;
    }

    @Override
    String service() {
        return "glue.amazonaws.com";
    }

    @Override
    List<String> actions() {
        return List.of();
    }

    @Override
    boolean onExisting(Actor a, TechniqueContext ctx, Steps steps) {
        List<Resource> jobs = ctx.inventory().ofType(a.account(), TYPE);
        if (jobs.isEmpty()) {
            return false;
        }
        AccessChecker c = ctx.checker();
        Targets<Resource> targets = ctx.targets("glue jobs " + a.account(), () -> jobs, Resource::arn);
        Steps[] found = new Steps[1];
        c.forEachAllowed(a, UPDATE, targets, c.choosing(a, CHOSEN), (job, update) -> {
            Steps s = new Steps();
            s.allow(update);
            if (!s.allow(start(a, c, job))) {
                return true;
            }
            if (found[0] == null || (conditional(found[0]) && !conditional(s))) {
                found[0] = s;
            }
            return conditional(found[0]); // a definite one ends the search
        });
        if (found[0] == null) {
            return false;
        }
        found[0].evidence().forEach(steps::allow);
        return true;
    }

    /** A run of the job: started directly, else by a new trigger; the definite one if either is. */
    private static Evidence start(Actor a, AccessChecker c, Resource job) {
        Evidence run = c.check(a, "glue:StartJobRun", job.arn());
        if (run.allows() && !run.conditional()) {
            return run;
        }
        Evidence trigger = c.checkNew(a, "glue:CreateTrigger");
        return trigger.allows() && (!trigger.conditional() || !run.allows()) ? trigger : run;
    }

    private static boolean conditional(Steps s) {
        return s.evidence().stream().anyMatch(Evidence::conditional);
    }
}
