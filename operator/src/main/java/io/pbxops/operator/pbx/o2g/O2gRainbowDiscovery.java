package io.pbxops.operator.pbx.o2g;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the Rainbow object and its attributes in a node's model when the configured names are not there. The
 * vendor's names are not public, so the configured ones may be wrong for a given OXE release: an object whose name
 * matches {@code rainbow} (case-insensitive) is taken instead, preferring one that has an activation-code or PBX-ID
 * attribute; attributes missing from it are looked for by pattern the same way.
 */
public final class O2gRainbowDiscovery {

    private static final Pattern RAINBOW = Pattern.compile("(?i).*rainbow.*");
    private static final Pattern NETWORK = Pattern.compile("(?i).*net.*");
    private static final Pattern ENABLE = Pattern.compile("(?i).*enable.*");
    private static final Pattern DOMAIN = Pattern.compile("(?i).*domain.*");
    private static final Pattern PBX_ID = Pattern.compile("(?i).*pbx_?id.*");
    private static final Pattern CODE = Pattern.compile("(?i).*activation.*");
    private static final Pattern STATUS = Pattern.compile("(?i).*status.*");

    private O2gRainbowDiscovery() {}

    /**
     * Reads the node's model (and the Rainbow object's own model when the node's lists no attributes) and returns
     * the names to use.
     *
     * @throws O2gNotFoundException when no object of the node looks like the Rainbow one
     */
    public static O2gRainbowNames discover(O2gClient client, String nodeId, O2gRainbowNames configured) {
        return discoverModel(client, nodeId, configured).names();
    }

    /** As {@link #discover}, with the attributes the model lists for the Rainbow and network objects. */
    public static O2gRainbowModel discoverModel(O2gClient client, String nodeId, O2gRainbowNames configured) {
        O2gModel node = client.getModel(nodeId);
        O2gRainbowNames found = resolveObjects(node, configured, nodeId);
        boolean atRoot =
                node.objects().stream().anyMatch(o -> found.objectName().equals(o.objectName()));
        // Below the node's root, its instances are reached by their full path, which the root lists.
        O2gRainbowNames objects = atRoot
                ? found
                : found.withObjectName(fullPath(client.getRootInstance(nodeId).objectNames(), found.objectName()));
        String rainbowName = leaf(objects.objectName());
        O2gRainbowNames located = objects;
        O2gModel rainbow = node.findObject(rainbowName::equals)
                .filter(model -> !model.attributes().isEmpty())
                .orElseGet(() -> client.getModel(nodeId, located.objectName()));
        O2gRainbowNames names = resolveAttributes(rainbow, located);
        Set<String> network = names.networkObjectName() == null
                ? Set.of()
                : node.findObject(names.networkObjectName()::equals)
                        .map(O2gRainbowDiscovery::attributeNames)
                        .orElse(Set.of());
        return new O2gRainbowModel(names, attributeNames(rainbow), network);
    }

    /**
     * The full path of a sub-object below the node's root (as the root instance lists them, e.g.
     * {@code System_Parameters/1/Rainbow}): the listed path whose last part is {@code name}, or {@code name} itself.
     */
    public static String fullPath(List<String> rootObjectNames, String name) {
        return rootObjectNames.stream()
                .filter(path -> path.equals(name) || path.endsWith("/" + name))
                .findFirst()
                .orElse(name);
    }

    /** The last part of an object's path: its name in the model. */
    static String leaf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Picks the Rainbow and network object names from the node's model. */
    public static O2gRainbowNames resolveObjects(O2gModel node, O2gRainbowNames configured, String nodeId) {
        List<O2gModel> objects = node.allObjects();
        O2gRainbowNames names = configured;
        if (!has(objects, configured.objectName())) {
            List<O2gModel> candidates = objects.stream()
                    .filter(o -> matches(RAINBOW, o.objectName()) && !matches(NETWORK, o.objectName()))
                    .toList();
            String found = candidates.stream()
                    .filter(o ->
                            o.attributes().stream().anyMatch(a -> matches(CODE, a.name()) || matches(PBX_ID, a.name())))
                    .findFirst()
                    .or(() -> candidates.stream().findFirst())
                    .map(O2gModel::objectName)
                    .orElseThrow(() -> new O2gNotFoundException(
                            "No Rainbow object in the model of OXE node "
                                    + nodeId + ": neither " + configured.objectName()
                                    + " nor any object named like 'rainbow'; set the names in the operator's configuration",
                            404,
                            null,
                            null));
            names = names.withObjectName(found);
        }
        if (!has(objects, configured.networkObjectName())) {
            // A real OXE keeps DNS and proxy in netadmin only: without such an object in its model, the network is
            // not managed through O2G (the Pbx's status then tells what to enter in netadmin).
            Optional<String> network = objects.stream()
                    .map(O2gModel::objectName)
                    .filter(name -> matches(RAINBOW, name) && matches(NETWORK, name))
                    .findFirst();
            names = names.withNetworkObjectName(network.orElse(null));
        }
        return names;
    }

    /** Keeps each configured attribute name the model has; replaces the others by the first match of a pattern. */
    public static O2gRainbowNames resolveAttributes(O2gModel rainbow, O2gRainbowNames names) {
        return names.withAgentAttributes(
                pick(rainbow, names.agentEnable(), ENABLE),
                pick(rainbow, names.domain(), DOMAIN),
                pick(rainbow, names.pbxId(), PBX_ID),
                pick(rainbow, names.activationCode(), CODE),
                pick(rainbow, names.connectionStatus(), STATUS));
    }

    private static String pick(O2gModel model, String configured, Pattern pattern) {
        if (model.attribute(configured).isPresent()) {
            return configured;
        }
        return model.attributes().stream()
                .map(O2gAttributeModel::name)
                .filter(name -> matches(pattern, name))
                .findFirst()
                .orElse(configured);
    }

    private static Set<String> attributeNames(O2gModel model) {
        return model.attributes().stream()
                .map(O2gAttributeModel::name)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    private static boolean has(List<O2gModel> objects, String name) {
        Predicate<O2gModel> named = o -> name != null && name.equals(o.objectName());
        return objects.stream().anyMatch(named);
    }

    private static boolean matches(Pattern pattern, String name) {
        return name != null && pattern.matcher(name).matches();
    }
}
