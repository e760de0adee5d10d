package io.pbxops.operator.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.embedded.ControlApiOmcScreen;
import io.pbxops.operator.embedded.OxoInstaller;
import io.pbxops.operator.embedded.UpAddresses;
import io.pbxops.operator.embedded.UpLogging;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "installer",
        mixinStandardHelpOptions = true,
        description = {
            "Plays the installer of a build-to-order OXO Connect against a running `pbx-operator up`: reads the equipment ID "
                    + "and activation code from the Pbx's activation Secret (through the kubeconfig) and enters them in the "
                    + "simulated OXO's OMC (Cloud > Rainbow). The PBX connects and the Pbx goes from Pending to Running.",
            ""
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the activation data was entered", "1:nothing to do, or the step failed"})
public final class InstallerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "0..1",
            paramLabel = "PBX",
            description = "The Pbx (a build-to-order OXO). Default: every one waiting.")
    String pbx;

    @Option(
            names = {"-n", "--namespace"},
            defaultValue = "default",
            description = "The Pbx's namespace. Default: ${DEFAULT-VALUE}.")
    String namespace;

    @Option(
            names = "--kubeconfig",
            defaultValue = ".pbxops/kubeconfig",
            description =
                    "The kubeconfig `up` wrote (its up.json next to it says where the simulators listen). Default: ${DEFAULT-VALUE}.")
    Path kubeconfig;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        UpLogging.quietClientNotes();
        try {
            UpAddresses addresses = UpAddresses.read(kubeconfig.toAbsolutePath().resolveSibling("up.json"));
            Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
            try (KubernetesClient client =
                    new KubernetesClientBuilder().withConfig(config).build()) {
                OxoInstaller installer = new OxoInstaller(client, new ControlApiOmcScreen(addresses.control()));
                List<Pbx> targets = pbx != null ? List.of(named(client)) : installer.waiting();
                if (targets.isEmpty()) {
                    err.println("installer: no build-to-order OXO is waiting with its activation data");
                    return 1;
                }
                for (Pbx target : targets) {
                    out.println(installer.install(
                            target.getMetadata().getNamespace(),
                            target.getMetadata().getName()));
                }
                return 0;
            }
        } catch (IllegalStateException e) {
            err.println("installer: " + e.getMessage());
            return 1;
        }
    }

    private Pbx named(KubernetesClient client) {
        Pbx found =
                client.resources(Pbx.class).inNamespace(namespace).withName(pbx).get();
        if (found == null) {
            throw new IllegalStateException("there is no Pbx " + namespace + "/" + pbx);
        }
        return found;
    }
}
