package io.pbxops.operator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pbxops.operator.manifest.Manifest;
import io.pbxops.operator.manifest.ManifestException;
import io.pbxops.operator.manifest.ManifestReader;
import io.pbxops.operator.validation.ManifestSetValidator;
import io.pbxops.operator.validation.ManifestSetValidator.Finding;
import io.pbxops.operator.validation.ManifestSetValidator.Report;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Checks manifests offline, as a pull-request check: every pbxops object against its CRD schema and CEL rules, "
                    + "then the rules between objects (references, shares of shared PBXs, gateway types, duplicate equipment "
                    + "IDs, numbering plans and their worked examples). Other kinds (Secrets, ...) are skipped. Never contacts "
                    + "a cluster or a cloud.",
            ""
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every object is valid", "1:problems were found", "2:an input could not be read"})
public final class ValidateCommand implements Callable<Integer> {

    static final int VALID = 0;
    static final int PROBLEMS = 1;
    static final int UNREADABLE = 2;

    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "1..*",
            paramLabel = "PATH",
            description = "Manifest files or folders (*.yaml, *.yml, multi-document).")
    List<Path> paths;

    @Option(
            names = {"-o", "--output"},
            defaultValue = "text",
            description = "text (one line per problem) or json. Default: ${DEFAULT-VALUE}.")
    OutputFormat output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> files;
        List<Manifest> manifests;
        try {
            files = ManifestReader.manifestFiles(paths);
            manifests = ManifestReader.read(paths);
        } catch (ManifestException e) {
            if (output == OutputFormat.json) {
                out.println(json(Map.of("error", e.toString())));
            } else {
                spec.commandLine().getErr().println(e);
            }
            return UNREADABLE;
        }
        Report report = ManifestSetValidator.validate(manifests);
        if (output == OutputFormat.json) {
            out.println(json(jsonReport(report, files.size())));
        } else {
            for (Finding finding : report.findings()) {
                out.println(line(finding));
            }
            out.println(summary(report, files.size()));
        }
        out.flush();
        return report.valid() ? VALID : PROBLEMS;
    }

    static String line(Finding finding) {
        Manifest manifest = finding.manifest();
        String field =
                finding.problem().field().isEmpty() ? "" : finding.problem().field() + ": ";
        return manifest.file() + ":" + finding.line() + ": " + manifest.kind() + "/" + manifest.name() + ": " + field
                + finding.problem().message();
    }

    private static String summary(Report report, int files) {
        String scope = report.objects() + plural(report.objects(), " object") + " in " + files + plural(files, " file")
                + (report.skipped() > 0 ? " (" + report.skipped() + " of other kinds skipped)" : "");
        if (report.valid()) {
            return "valid: " + scope;
        }
        return report.findings().size() + plural(report.findings().size(), " problem") + " in "
                + report.objectsWithProblems() + plural((int) report.objectsWithProblems(), " object") + "; checked "
                + scope;
    }

    private static Map<String, Object> jsonReport(Report report, int files) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("valid", report.valid());
        json.put("files", files);
        json.put("objects", report.objects());
        json.put("skipped", report.skipped());
        json.put(
                "problems",
                report.findings().stream()
                        .map(finding -> {
                            Map<String, Object> problem = new LinkedHashMap<>();
                            problem.put("file", finding.manifest().file().toString());
                            problem.put("line", finding.line());
                            problem.put("kind", finding.manifest().kind());
                            problem.put("namespace", finding.manifest().namespace());
                            problem.put("name", finding.manifest().name());
                            problem.put("field", finding.problem().field());
                            problem.put("message", finding.problem().message());
                            problem.put("rule", finding.problem().rule());
                            return problem;
                        })
                        .toList());
        return json;
    }

    private static String json(Object value) throws Exception {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
    }

    private static String plural(int count, String word) {
        return count == 1 ? word : word + "s";
    }
}
