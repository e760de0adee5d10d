package io.pbxops.operator.gitops;

import java.util.List;

/** The README.md of an export folder: what it holds, what it cannot hold, and what its check found. */
final class ExportReadme {

    private ExportReadme() {}

    static String text(Exporter.Summary summary, FleetExport.Options options) {
        StringBuilder out = new StringBuilder();
        out.append("# Fleet exported from the Rainbow cloud\n\n");
        out.append("Written by `pbx-operator export`")
                .append(
                        options.companies().isEmpty()
                                ? " for every company of the reseller"
                                : " for " + options.companies().size() + " companies")
                .append(": ")
                .append(String.join(
                        ", ",
                        summary.objects().entrySet().stream()
                                .map(e -> e.getValue() + " " + e.getKey())
                                .toList()))
                .append(".\n\n");
        out.append("""
                Layout: `companies/<company>/` holds a company, its PBXs, their WebRTC gateways, its shares of shared PBXs \
                and the numbering plans only its PBXs use; `shared/` the PBXs declared at reseller level; \
                `numbering-plans.yaml` the plans several companies use. Every object that stands for a cloud object \
                carries `pbxops.io/external-id`, so the operator adopts it instead of creating a second one. Apply with \
                `kubectl apply -R -f <this folder> -n <namespace>`.

                ## What export cannot know

                - The O2G management endpoint and network prerequisites of an OmniPCX Enterprise: they are on the PBX. \
                Each one carries a commented placeholder (and the Secret it needs, to create outside git).
                - Secrets: no credential, activation code or fleet reference is written""")
                .append(
                        options.fleetReferences()
                                ? " (fleet references were asked for: this folder holds them, and a fleet PBX's references make its activation code).\n"
                                : " (a fleet PBX's equipment ID is its activation code; `--include-fleet-references` writes them).\n")
                .append("""
                - The worked examples and extensions of numbering plans: add examples so that `validate` checks the rules.
                - Reset tokens and deletion policies: left at their defaults (Company: Orphan; Pbx, PbxShare, WebRtcGateway: Delete).

                """);
        out.append("## Check\n\n");
        if (summary.problems().isEmpty()) {
            out.append("`validate`: no problem.\n");
        } else {
            out.append("`validate` found ").append(summary.problems().size()).append(" problem(s):\n\n");
            summary.problems().forEach(p -> out.append("- ").append(p).append('\n'));
        }
        out.append('\n');
        if (!summary.roundTrip().hasChanges()) {
            out.append(
                    "`plan` of this folder against the cloud it came from: no changes; applying it makes the operator write nothing.\n");
        } else {
            out.append(
                            "`plan` of this folder against the cloud it came from shows changes (what the manifests cannot say "
                                    + "exactly as the cloud holds it):\n\n```\n")
                    .append(PlanReport.text(summary.roundTrip()))
                    .append("```\n");
        }
        List<String> notes = summary.notes();
        if (!notes.isEmpty()) {
            out.append("\n## Not exported as it is\n\n");
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }
}
