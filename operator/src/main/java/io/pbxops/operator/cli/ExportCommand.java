package io.pbxops.operator.cli;

import io.pbxops.operator.cloud.CloudException;
import io.pbxops.operator.gitops.CloudSnapshot;
import io.pbxops.operator.gitops.Exporter;
import io.pbxops.operator.gitops.FleetExport;
import io.pbxops.operator.gitops.PlanReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Writes manifests for the companies, PBXs, shares, WebRTC gateways and numbering plans that exist in the cloud, "
                    + "one folder per company and one for the shared PBXs, each object annotated with its cloud ID so that "
                    + "the operator adopts it. No secret is written. The export is then validated and planned against the "
                    + "same cloud: its README.md says whether applying it would change anything.",
            "",
            "The cloud and its credentials as for run: PBXOPS_CLOUD_LOGIN, PBXOPS_CLOUD_PASSWORD, PBXOPS_APP_ID, "
                    + "PBXOPS_APP_SECRET and PBXOPS_CLOUD_URL, or --credentials-dir.",
            ""
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:exported; applying it changes nothing",
            "1:an error",
            "2:exported, but applying it would change what the check lists"
        })
public final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--company",
            paramLabel = "NAME",
            description = "A company to export, by its name in the cloud (repeatable). Default: every company.")
    List<String> companies;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "fleet",
            description = "The folder to write to; it must be empty or absent. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(
            names = "--include-fleet-references",
            description = "Write the fleet and installation references of fleet (stock mode) "
                    + "PBXs. They make the PBX's activation code: only for a repository kept as secret as the codes.")
    boolean fleetReferences;

    @Mixin
    CloudOptions cloud = new CloudOptions();

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!isEmptyOrAbsent(out)) {
            err.println(out + " is not empty: export writes into an empty or new folder");
            return PlanCommand.ERROR;
        }
        TerminalProgress progress = TerminalProgress.onStandardError(err);
        try (CloudReader reader = new CloudReader(cloud)) {
            CloudSnapshot snapshot = reader.read(progress);
            long requests = reader.requests();
            progress.end();
            Exporter.Summary summary = Exporter.export(
                    snapshot,
                    new FleetExport.Options(companies == null ? List.of() : companies, fleetReferences),
                    out,
                    progress);
            stdout.println("exported "
                    + String.join(
                            ", ",
                            summary.objects().entrySet().stream()
                                    .map(e -> e.getValue() + " " + e.getKey())
                                    .toList())
                    + " in " + summary.files().size() + " files to " + out
                    + " (" + requests + " cloud requests)");
            summary.problems().forEach(problem -> stdout.println("validate: " + problem));
            summary.notes().forEach(note -> stdout.println("note: " + note));
            if (summary.roundTrip().hasChanges()) {
                stdout.println("applying the export would change:");
                stdout.print(PlanReport.text(summary.roundTrip()));
            } else {
                stdout.println("checked: valid, and a plan of it against the cloud shows no changes");
            }
            stdout.flush();
            return summary.exact() ? PlanCommand.NO_CHANGES : PlanCommand.CHANGES;
        } catch (CloudException e) {
            progress.end();
            err.println("cannot read the cloud: " + e.getMessage());
            return PlanCommand.ERROR;
        } catch (IllegalArgumentException e) {
            progress.end();
            err.println(e.getMessage());
            return PlanCommand.ERROR;
        }
    }

    private static boolean isEmptyOrAbsent(Path folder) {
        if (!Files.exists(folder)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
