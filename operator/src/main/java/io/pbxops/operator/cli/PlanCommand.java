package io.pbxops.operator.cli;

import io.pbxops.operator.cloud.CloudException;
import io.pbxops.operator.gitops.CloudSnapshot;
import io.pbxops.operator.gitops.FleetPlan;
import io.pbxops.operator.gitops.O2gPbxSide;
import io.pbxops.operator.gitops.PlanReport;
import io.pbxops.operator.gitops.Planner;
import io.pbxops.operator.gitops.SnapshotCloudPort;
import io.pbxops.operator.manifest.Manifest;
import io.pbxops.operator.manifest.ManifestException;
import io.pbxops.operator.manifest.ManifestReader;
import io.pbxops.operator.pbx.o2g.EndpointRouting;
import io.pbxops.operator.pbx.o2g.O2gClientConfig;
import io.pbxops.operator.pbx.oxe.O2gPbxEndpoints;
import io.pbxops.operator.validation.DeclaredFleet;
import io.pbxops.operator.validation.ManifestSetValidator;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Shows what applying the manifests would change in the cloud (and, with --pbx-endpoints, on the PBXs): per "
                    + "object, what is created, updated (field by field, old → new), linked, unlinked, reset and deleted, "
                    + "and what cannot be known offline. Validates the manifests first, as validate does. Reads only: "
                    + "nothing is written to the cloud or to a PBX.",
            "",
            "The cloud and its credentials as for run: PBXOPS_CLOUD_LOGIN, PBXOPS_CLOUD_PASSWORD, PBXOPS_APP_ID, "
                    + "PBXOPS_APP_SECRET and PBXOPS_CLOUD_URL, or --credentials-dir.",
            ""
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:no changes",
            "1:an error (invalid manifests, cloud unreachable, refused credentials)",
            "2:changes"
        })
public final class PlanCommand implements Callable<Integer> {

    static final int NO_CHANGES = 0;
    static final int ERROR = 1;
    static final int CHANGES = 2;

    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "1..*",
            paramLabel = "PATH",
            description = "Manifest files or folders (*.yaml, *.yml, multi-document).")
    List<Path> paths;

    @Option(
            names = "--base",
            paramLabel = "PATH",
            description = "The manifests before the change (e.g. the pull request's "
                    + "base branch), repeatable: objects they declare and PATH does not are planned as deletions, and reset tokens "
                    + "are compared with theirs.")
    List<Path> base;

    @Option(
            names = "--all",
            description =
                    "Scope: the reseller's whole fleet (every company) instead of the companies the manifests name.")
    boolean all;

    @Option(
            names = "--pbx-endpoints",
            description = "Also read the PBXs that have a management endpoint (O2G), with the "
                    + "credentials of the Secrets among the manifests, to show what the operator would enter on them.")
    boolean pbxEndpoints;

    @Option(
            names = "--o2g-via",
            paramLabel = "URL",
            description = "With --pbx-endpoints: dial every PBX management endpoint at this O2G address instead of its "
                    + "own host, as `up` routes them (its O2G simulator, which `up` prints).")
    URI o2gVia;

    @Option(
            names = {"-o", "--output"},
            defaultValue = "text",
            description = "text or json. Default: ${DEFAULT-VALUE}.")
    OutputFormat output;

    @Mixin
    CloudOptions cloud = new CloudOptions();

    @Mixin
    O2gOptions o2g = new O2gOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DeclaredFleet head;
        DeclaredFleet before = null;
        try {
            List<Manifest> manifests = ManifestReader.read(paths);
            ManifestSetValidator.Report report = ManifestSetValidator.validate(manifests);
            if (!report.valid()) {
                report.findings().forEach(finding -> err.println(ValidateCommand.line(finding)));
                err.println("not planned: " + report.findings().size() + " problem(s) in the manifests (see validate)");
                return ERROR;
            }
            head = DeclaredFleet.of(manifests);
            if (base != null && !base.isEmpty()) {
                before = DeclaredFleet.of(ManifestReader.read(base));
            }
        } catch (ManifestException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return ERROR;
        }
        TerminalProgress progress = TerminalProgress.onStandardError(err);
        try (CloudReader reader = new CloudReader(cloud);
                O2gPbxEndpoints endpoints = new O2gPbxEndpoints(
                        o2gVia == null
                                ? O2gClientConfig.defaults()
                                : O2gClientConfig.defaults().withRouting(EndpointRouting.forwardingTo(o2gVia)),
                        o2g.names())) {
            CloudSnapshot snapshot = reader.read(progress);
            progress.end();
            O2gPbxSide pbxSide = pbxEndpoints ? new O2gPbxSide(endpoints, head) : null;
            FleetPlan plan = new Planner(new SnapshotCloudPort(snapshot), pbxSide).plan(head, before, all);
            out.print(output == OutputFormat.json ? PlanReport.json(plan) + "\n" : PlanReport.text(plan));
            out.flush();
            err.println("read the cloud in " + reader.requests() + " requests");
            err.flush();
            return plan.hasChanges() ? CHANGES : NO_CHANGES;
        } catch (CloudException e) {
            progress.end();
            err.println("cannot read the cloud: " + e.getMessage());
            return ERROR;
        }
    }
}
