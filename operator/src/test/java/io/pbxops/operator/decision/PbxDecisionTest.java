package io.pbxops.operator.decision;

import static io.pbxops.operator.decision.Fixtures.CONTEXT;
import static io.pbxops.operator.decision.Fixtures.HELD;
import static io.pbxops.operator.decision.Fixtures.NO_GATEWAYS;
import static io.pbxops.operator.decision.Fixtures.PENDING;
import static io.pbxops.operator.decision.Fixtures.brief;
import static io.pbxops.operator.decision.Fixtures.json;
import static io.pbxops.operator.decision.Fixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxops.operator.api.ConnectionState;
import io.pbxops.operator.api.NumberingPlan;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.cloud.model.CloudMediaPillar;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.cloud.model.CloudSystemState;
import io.pbxops.operator.pbx.AgentStatus;
import io.pbxops.operator.pbx.EndpointSettings;
import io.pbxops.operator.pbx.EndpointState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Pbx's decision, branch by branch: lifecycle, activation, reset, PBX side, deletion; no cluster, no HTTP. */
class PbxDecisionTest {

    private static final PbxDecision.Owner OWNER = new PbxDecision.Owner("acme", "site1");
    private static final PbxDecision.Owner OWNER_WITHOUT_SITE = new PbxDecision.Owner("acme", null);
    private static final PbxDecision.Endpoint O2G = new PbxDecision.Endpoint("O2G https://o2g.acme.example", null);
    private static final PbxDecision.Endpoint O2G_DNS =
            new PbxDecision.Endpoint("O2G https://o2g.acme.example", EndpointSettings.Network.dns("10.1.0.53", null));

    private static final Pbx BTCO = pbx("""
            metadata: {name: acme-oxo, annotations: {pbxops.io/external-id: s1}}
            spec: {companyRef: {name: acme}, serverName: ACME-OXO, type: OXOConnect, dialing: {country: FRA}}
            """);
    private static final Pbx BTCO_NEW = pbx("""
            metadata: {name: acme-oxo}
            spec: {companyRef: {name: acme}, serverName: ACME-OXO, type: OXOConnect, dialing: {country: FRA}}
            """);
    private static final Pbx BTCO_PREFIX = pbx("""
            metadata: {name: acme-oxo, annotations: {pbxops.io/external-id: s1}}
            spec:
              companyRef: {name: acme}
              serverName: ACME-OXO
              type: OXOConnect
              dialing: {country: FRA, nationalPrefix: "0"}
            """);
    private static final Pbx BTCO_RESET = pbx("""
            metadata: {name: acme-oxo, annotations: {pbxops.io/external-id: s1}}
            spec:
              companyRef: {name: acme}
              serverName: ACME-OXO
              type: OXOConnect
              dialing: {country: FRA}
              resetToken: try-2
            """);
    private static final Pbx BTCO_NEW_RESET = pbx("""
            metadata: {name: acme-oxo}
            spec:
              companyRef: {name: acme}
              serverName: ACME-OXO
              type: OXOConnect
              dialing: {country: FRA}
              resetToken: try-1
            """);
    private static final Pbx FLEET = pbx("""
            metadata: {name: acme-fleet}
            spec:
              companyRef: {name: acme}
              serverName: ACME-FLEET
              type: OXOConnectEvolution
              dialing: {country: FRA}
              activation: {mode: Fleet, fleetReference: ALE12, installationReference: 1234.5678.90}
            """);
    private static final Pbx SHARED = pbx("""
            metadata: {name: oxo90}
            spec: {shared: true, serverName: OXO90, type: OXOConnect, dialing: {country: FRA}}
            """);
    private static final Pbx OXE = pbx("""
            metadata: {name: acme-oxe1, annotations: {pbxops.io/external-id: s1}}
            spec:
              companyRef: {name: acme}
              serverName: ACME-OXE-1
              type: OmniPCXEnterprise
              dialing: {country: FRA}
              endpoint: {url: "https://o2g.acme.example", nodeId: "1", credentialsSecretRef: {name: acme-o2g}}
            """);
    private static final Pbx OXE_DELETE = pbx("""
            metadata: {name: acme-oxe1, annotations: {pbxops.io/external-id: s1}}
            spec:
              companyRef: {name: acme}
              serverName: ACME-OXE-1
              type: OmniPCXEnterprise
              dialing: {country: FRA}
              endpoint: {url: "https://o2g.acme.example", nodeId: "1", credentialsSecretRef: {name: acme-o2g}}
            """);
    private static final Pbx OXE_ORPHAN = pbx("""
            metadata: {name: acme-oxe1, annotations: {pbxops.io/external-id: s1}}
            spec:
              companyRef: {name: acme}
              type: OmniPCXEnterprise
              dialing: {country: FRA}
              deletionPolicy: Orphan
            """);
    private static final Pbx OXE_PAUSED = pbx("""
            metadata: {name: acme-oxe1, annotations: {pbxops.io/external-id: s1, pbxops.io/paused: "true"}}
            spec: {companyRef: {name: acme}, type: OmniPCXEnterprise, dialing: {country: FRA}}
            """);
    private static final NumberingPlan PLAN = yaml(NumberingPlan.class, """
            apiVersion: pbxops.io/v1alpha1
            kind: NumberingPlan
            metadata: {name: fr}
            spec:
              rules:
              - {match: "^218", replace: "039068"}
            """);

    private static final String OXO_SYNCED =
            "\"name\":\"ACME-OXO\",\"type\":\"oxo\",\"country\":\"FRA\",\"isShared\":false,"
                    + "\"x-pbxops\":{\"model\":\"oxo-connect\"},\"siteId\":[\"site1\"],\"pbxId\":\"PBXa-1\"";
    private static final String OXE_SYNCED =
            "\"name\":\"ACME-OXE-1\",\"type\":\"oxe\",\"country\":\"FRA\",\"isShared\":false,"
                    + "\"x-pbxops\":{\"model\":\"omnipcx-enterprise\"},\"siteId\":[\"site1\"],\"pbxId\":\"PBXe-1\"";

    private static final CloudSystem RUNNING = system("{\"id\":\"s1\"," + OXO_SYNCED + ",\"status\":\"activated\"}");
    private static final CloudSystem PENDING_OXO =
            system("{\"id\":\"s1\"," + OXO_SYNCED + ",\"status\":\"created\",\"jid_pbxagent_password\":\"4645\"}");
    private static final CloudSystem UNLINKED = system("{\"id\":\"s1\",\"name\":\"ACME-OXO\",\"type\":\"oxo\","
            + "\"country\":\"FRA\",\"isShared\":false,\"x-pbxops\":{\"model\":\"oxo-connect\"},\"siteId\":[],"
            + "\"pbxId\":\"PBXa-1\",\"status\":\"activated\"}");
    private static final CloudSystem FLEET_PENDING = system("{\"id\":\"s2\",\"name\":\"ACME-FLEET\",\"type\":\"oxo\","
            + "\"country\":\"FRA\",\"isShared\":false,\"x-pbxops\":{\"model\":\"oxo-connect-evolution\"},"
            + "\"siteId\":[\"site1\"],\"pbxId\":\"ALE12-1234.5678.90\",\"status\":\"created\","
            + "\"jid_pbxagent_password\":\"ALE12-1234.5678.90\"}");
    private static final CloudSystem OXE_PENDING =
            system("{\"id\":\"s1\"," + OXE_SYNCED + ",\"status\":\"created\",\"jid_pbxagent_password\":\"7777\"}");
    private static final CloudSystem OXE_ACTIVATING =
            system("{\"id\":\"s1\"," + OXE_SYNCED + ",\"status\":\"activating\"}");
    private static final CloudSystem OXE_RUNNING =
            system("{\"id\":\"s1\"," + OXE_SYNCED + ",\"status\":\"activated\"}");
    private static final Instant INTENT = Instant.parse("2026-11-30T10:00:00Z");
    private static final CloudSystem RESET_AFTER_INTENT =
            system("{\"id\":\"s1\"," + OXO_SYNCED + ",\"status\":\"created\","
                    + "\"jid_pbxagent_password\":\"5151\",\"connectionHistory\":[{\"eventType\":\"reset\","
                    + "\"eventDate\":\"2026-11-30T10:00:01Z\"}]}");
    private static final CloudSystem RESET_BEFORE_INTENT = system("{\"id\":\"s1\"," + OXO_SYNCED
            + ",\"status\":\"activated\",\"connectionHistory\":[{\"eventType\":\"reset\","
            + "\"eventDate\":\"2026-11-29T10:00:00Z\"}]}");

    private static final CloudSystemState ALL_UP =
            json(CloudSystemState.class, "{\"xmpp\":\"up\",\"conf\":\"up\",\"csta\":\"up\",\"http\":\"up\"}");
    private static final CloudSystemState CSTA_DOWN =
            json(CloudSystemState.class, "{\"xmpp\":\"up\",\"conf\":\"up\",\"csta\":\"down\",\"http\":\"up\"}");

    private static final PbxDecision.SecretContent SECRET_RUNNING = PbxDecision.SecretContent.of("PBXa-1", "4645");
    private static final PbxDecision.SecretContent SECRET_OLD_CODE = PbxDecision.SecretContent.of("PBXa-1", "1111");
    private static final PbxDecision.SecretContent SECRET_OXE = PbxDecision.SecretContent.of("PBXe-1", "7777");
    private static final PbxDecision.PbxSide NOT_READ = new PbxDecision.PbxSide.NotRead("not needed");
    private static final PbxDecision.ResetMemory NONE = PbxDecision.ResetMemory.of(null, null, null);
    private static final PbxDecision.ResetMemory PLAN_WITHOUT_BASE = PbxDecision.ResetMemory.fromBase(false, null);

    private static final CloudMediaPillar GATEWAY_1 =
            json(CloudMediaPillar.class, "{\"id\":\"g1\",\"name\":\"acme-oxe1-gw\",\"systemId\":\"s1\"}");
    private static final CloudMediaPillar GATEWAY_2 =
            json(CloudMediaPillar.class, "{\"id\":\"g2\",\"name\":\"acme-oxe1-gw-2\",\"systemId\":\"s1\"}");

    record Row(
            Pbx pbx,
            NumberingPlan plan,
            PbxDecision.Owner owner,
            PbxDecision.Endpoint endpoint,
            CloudSystem system,
            CloudSystemState state,
            PbxDecision.PbxSide pbxSide,
            PbxDecision.SecretContent secret,
            PbxDecision.ResetMemory memory,
            DecisionContext context,
            List<String> steps,
            String reason,
            ConnectionState connection) {}

    static Stream<Arguments> sync() {
        return Stream.of(
                row(
                        "a new PBX is declared in its company's site, its activation data published",
                        new Row(
                                BTCO_NEW,
                                null,
                                OWNER,
                                null,
                                null,
                                null,
                                NOT_READ,
                                PbxDecision.SecretContent.ABSENT,
                                NONE,
                                CONTEXT,
                                List.of(
                                        "CreateSystem(in the site of Company/acme)",
                                        "PublishActivation(with create or reset)"),
                                "Creating",
                                null)),
                row(
                        "a new fleet PBX is declared with its fleet references as equipment ID and code",
                        new Row(
                                FLEET,
                                null,
                                OWNER,
                                null,
                                null,
                                null,
                                NOT_READ,
                                PbxDecision.SecretContent.ABSENT,
                                NONE,
                                CONTEXT,
                                List.of(
                                        "CreateSystem(in the site of Company/acme, fleet IDs)",
                                        "PublishActivation(with create or reset)"),
                                "Creating",
                                null)),
                row(
                        "a new shared PBX is declared at reseller level",
                        new Row(
                                SHARED,
                                null,
                                null,
                                null,
                                null,
                                null,
                                NOT_READ,
                                PbxDecision.SecretContent.ABSENT,
                                NONE,
                                CONTEXT,
                                List.of("CreateSystem(at reseller level)", "PublishActivation(with create or reset)"),
                                "Creating",
                                null)),
                row(
                        "a connected PBX that matches the spec needs nothing",
                        new Row(
                                BTCO,
                                null,
                                OWNER,
                                null,
                                RUNNING,
                                ALL_UP,
                                NOT_READ,
                                SECRET_RUNNING,
                                NONE,
                                CONTEXT,
                                List.of(),
                                "Available",
                                ConnectionState.Running)),
                row(
                        "a PBX found by its name is adopted",
                        new Row(
                                BTCO_NEW,
                                null,
                                OWNER,
                                null,
                                RUNNING,
                                ALL_UP,
                                NOT_READ,
                                SECRET_RUNNING,
                                NONE,
                                CONTEXT,
                                List.of("Adopt(system s1)"),
                                "Available",
                                ConnectionState.Running)),
                row(
                        "a changed national prefix is one update of that field",
                        new Row(
                                BTCO_PREFIX,
                                null,
                                OWNER,
                                null,
                                RUNNING,
                                ALL_UP,
                                NOT_READ,
                                SECRET_RUNNING,
                                NONE,
                                CONTEXT,
                                List.of("UpdateSystem(pbxNationalPrefix)"),
                                "Available",
                                ConnectionState.Running)),
                row(
                        "changed numbering rules reach the system",
                        new Row(
                                BTCO,
                                PLAN,
                                OWNER,
                                null,
                                RUNNING,
                                ALL_UP,
                                NOT_READ,
                                SECRET_RUNNING,
                                NONE,
                                CONTEXT,
                                List.of("UpdateSystem(pbxNumberingTranslator)"),
                                "Available",
                                ConnectionState.Running)),
                row(
                        "a system no longer linked to its company's site is linked again",
                        new Row(
                                BTCO,
                                null,
                                OWNER,
                                null,
                                UNLINKED,
                                ALL_UP,
                                NOT_READ,
                                SECRET_RUNNING,
                                NONE,
                                CONTEXT,
                                List.of("Link(s1→site1)"),
                                "Available",
                                ConnectionState.Running)),
                row(
                        "a plan links to the site of a company still to be created",
                        new Row(
                                BTCO,
                                null,
                                OWNER_WITHOUT_SITE,
                                null,
                                RUNNING,
                                ALL_UP,
                                NOT_READ,
                                SECRET_RUNNING,
                                NONE,
                                CONTEXT,
                                List.of("Link(s1→null)"),
                                "Available",
                                ConnectionState.Running)),
                row(
                        "a channel down is Degraded, looked at again soon",
                        new Row(
                                BTCO,
                                null,
                                OWNER,
                                null,
                                RUNNING,
                                CSTA_DOWN,
                                NOT_READ,
                                SECRET_RUNNING,
                                NONE,
                                CONTEXT,
                                List.of(),
                                "Unavailable",
                                ConnectionState.Degraded)),
                row(
                        "a build-to-order PBX waits for its installer",
                        new Row(
                                BTCO,
                                null,
                                OWNER,
                                null,
                                PENDING_OXO,
                                null,
                                NOT_READ,
                                SECRET_RUNNING,
                                NONE,
                                CONTEXT,
                                List.of(),
                                "AwaitingActivation",
                                ConnectionState.Pending)),
                row(
                        "a fleet PBX waits for itself to connect",
                        new Row(
                                FLEET,
                                null,
                                OWNER,
                                null,
                                FLEET_PENDING,
                                null,
                                NOT_READ,
                                PbxDecision.SecretContent.of("ALE12-1234.5678.90", "ALE12-1234.5678.90"),
                                NONE,
                                CONTEXT,
                                List.of("Adopt(system s2)"),
                                "AwaitingActivation",
                                ConnectionState.Pending)),
                row(
                        "a Secret behind the code the cloud shows is written again",
                        new Row(
                                BTCO,
                                null,
                                OWNER,
                                null,
                                PENDING_OXO,
                                null,
                                NOT_READ,
                                SECRET_OLD_CODE,
                                NONE,
                                CONTEXT,
                                List.of("PublishActivation"),
                                "AwaitingActivation",
                                ConnectionState.Pending)),
                row(
                        "a missing Secret is written again",
                        new Row(
                                BTCO,
                                null,
                                OWNER,
                                null,
                                RUNNING,
                                ALL_UP,
                                NOT_READ,
                                PbxDecision.SecretContent.ABSENT,
                                NONE,
                                CONTEXT,
                                List.of("PublishActivation"),
                                "Available",
                                ConnectionState.Running)),
                row(
                        "a plan does not read the Secret and writes nothing to it",
                        new Row(
                                BTCO,
                                null,
                                OWNER,
                                null,
                                PENDING_OXO,
                                null,
                                NOT_READ,
                                PbxDecision.SecretContent.UNKNOWN,
                                NONE,
                                CONTEXT,
                                List.of(),
                                "AwaitingActivation",
                                ConnectionState.Pending)),
                row(
                        "a new reset token resets once and publishes the new code",
                        new Row(
                                BTCO_RESET,
                                null,
                                OWNER,
                                null,
                                RUNNING,
                                ALL_UP,
                                NOT_READ,
                                SECRET_RUNNING,
                                PbxDecision.ResetMemory.of("try-1", null, null),
                                CONTEXT,
                                List.of("Reset(s1,try-2)", "PublishActivation(with create or reset)"),
                                "Available",
                                ConnectionState.Running)),
                row(
                        "a reset token already applied does nothing",
                        new Row(
                                BTCO_RESET,
                                null,
                                OWNER,
                                null,
                                RUNNING,
                                ALL_UP,
                                NOT_READ,
                                SECRET_RUNNING,
                                PbxDecision.ResetMemory.of("try-2", null, null),
                                CONTEXT,
                                List.of(),
                                "Available",
                                ConnectionState.Running)),
                row(
                        "a reset made before a crash is recorded, not made again",
                        new Row(
                                BTCO_RESET,
                                null,
                                OWNER,
                                null,
                                RESET_AFTER_INTENT,
                                null,
                                NOT_READ,
                                SECRET_OLD_CODE,
                                PbxDecision.ResetMemory.of("try-1", "try-2", INTENT),
                                CONTEXT,
                                List.of("ConfirmReset(try-2)", "PublishActivation(with create or reset)"),
                                "AwaitingActivation",
                                ConnectionState.Pending)),
                row(
                        "a reset intent with no reset in the history after it is made",
                        new Row(
                                BTCO_RESET,
                                null,
                                OWNER,
                                null,
                                RESET_BEFORE_INTENT,
                                ALL_UP,
                                NOT_READ,
                                SECRET_RUNNING,
                                PbxDecision.ResetMemory.of("try-1", "try-2", INTENT),
                                CONTEXT,
                                List.of("Reset(s1,try-2)", "PublishActivation(with create or reset)"),
                                "Available",
                                ConnectionState.Running)),
                row(
                        "a plan without the manifests before the change cannot tell whether a token is new",
                        new Row(
                                BTCO_RESET,
                                null,
                                OWNER,
                                null,
                                RUNNING,
                                ALL_UP,
                                NOT_READ,
                                PbxDecision.SecretContent.UNKNOWN,
                                PLAN_WITHOUT_BASE,
                                CONTEXT,
                                List.of("Unknown"),
                                "Available",
                                ConnectionState.Running)),
                row(
                        "a new PBX with a reset token is reset right after it is declared",
                        new Row(
                                BTCO_NEW_RESET,
                                null,
                                OWNER,
                                null,
                                null,
                                null,
                                NOT_READ,
                                PbxDecision.SecretContent.UNKNOWN,
                                PLAN_WITHOUT_BASE,
                                CONTEXT,
                                List.of(
                                        "CreateSystem(in the site of Company/acme)",
                                        "Reset(null,try-1)",
                                        "PublishActivation(with create or reset)"),
                                "Creating",
                                null)),
                row(
                        "a new OXE is declared, then configured whole through its endpoint without reading it first",
                        new Row(
                                OXE,
                                null,
                                OWNER,
                                O2G_DNS,
                                null,
                                null,
                                NOT_READ,
                                PbxDecision.SecretContent.ABSENT,
                                NONE,
                                CONTEXT,
                                List.of(
                                        "CreateSystem(in the site of Company/acme)",
                                        "PublishActivation(with create or reset)",
                                        "ConfigurePbx(enable the Rainbow agent; set the Rainbow domain to openrainbow.com; "
                                                + "enter the PBX ID; enter the activation code; "
                                                + "set the network prerequisites: dns 10.1.0.53; not read first)"),
                                "Creating",
                                null)),
                row(
                        "an activating OXE (its agent presented the code) is left to the cloud, not read",
                        new Row(
                                OXE,
                                null,
                                OWNER,
                                O2G_DNS,
                                OXE_ACTIVATING,
                                null,
                                NOT_READ,
                                SECRET_OXE,
                                NONE,
                                CONTEXT,
                                List.of(),
                                "AwaitingActivation",
                                ConnectionState.Pending)),
                row(
                        "a Pending OXE whose agent is off gets everything entered through its endpoint",
                        new Row(
                                OXE,
                                null,
                                OWNER,
                                O2G,
                                OXE_PENDING,
                                null,
                                read(false, null, AgentStatus.NONE, null, null),
                                SECRET_OXE,
                                NONE,
                                CONTEXT,
                                List.of(
                                        "ConfigurePbx(enable the Rainbow agent; set the Rainbow domain to openrainbow.com; "
                                                + "enter the PBX ID; enter the activation code)"),
                                "AwaitingActivation",
                                ConnectionState.Pending)),
                row(
                        "an OXE whose agent refused the code gets the code again",
                        new Row(
                                OXE,
                                null,
                                OWNER,
                                O2G,
                                OXE_PENDING,
                                null,
                                read(true, "PBXe-1", AgentStatus.REFUSED, "openrainbow.com", null),
                                SECRET_OXE,
                                NONE,
                                CONTEXT,
                                List.of("ConfigurePbx(enter the activation code)"),
                                "AwaitingActivation",
                                ConnectionState.Pending)),
                row(
                        "an OXE connecting with the right PBX ID is left to connect",
                        new Row(
                                OXE,
                                null,
                                OWNER,
                                O2G,
                                OXE_PENDING,
                                null,
                                read(true, "PBXe-1", AgentStatus.CONNECTING, "openrainbow.com", null),
                                SECRET_OXE,
                                NONE,
                                CONTEXT,
                                List.of(),
                                "AwaitingActivation",
                                ConnectionState.Pending)),
                row(
                        "an OXE agent status nobody knows is not taken for a refusal",
                        new Row(
                                OXE,
                                null,
                                OWNER,
                                O2G,
                                OXE_PENDING,
                                null,
                                read(true, "PBXe-1", AgentStatus.OTHER, "openrainbow.com", null),
                                SECRET_OXE,
                                NONE,
                                CONTEXT,
                                List.of(),
                                "AwaitingActivation",
                                ConnectionState.Pending)),
                row(
                        "a network that differs on the PBX is set",
                        new Row(
                                OXE,
                                null,
                                OWNER,
                                O2G_DNS,
                                OXE_PENDING,
                                null,
                                read(
                                        true,
                                        "PBXe-1",
                                        AgentStatus.CONNECTING,
                                        "openrainbow.com",
                                        EndpointSettings.Network.dns("10.9.9.9", null)),
                                SECRET_OXE,
                                NONE,
                                CONTEXT,
                                List.of("ConfigurePbx(set the network prerequisites: dns 10.1.0.53; code kept)"),
                                "AwaitingActivation",
                                ConnectionState.Pending)),
                row(
                        "a connected OXE is not touched through its endpoint",
                        new Row(
                                OXE,
                                null,
                                OWNER,
                                O2G,
                                OXE_RUNNING,
                                ALL_UP,
                                NOT_READ,
                                PbxDecision.SecretContent.of("PBXe-1", "7777"),
                                NONE,
                                CONTEXT,
                                List.of(),
                                "Available",
                                ConnectionState.Running)),
                row(
                        "a plan that does not read the PBX says what the operator would enter",
                        new Row(
                                OXE,
                                null,
                                OWNER,
                                O2G,
                                OXE_PENDING,
                                null,
                                NOT_READ,
                                PbxDecision.SecretContent.UNKNOWN,
                                NONE,
                                CONTEXT,
                                List.of("Unknown"),
                                "AwaitingActivation",
                                ConnectionState.Pending)),
                row(
                        "a PBX that cannot be read is said so",
                        new Row(
                                OXE,
                                null,
                                OWNER,
                                O2G,
                                OXE_PENDING,
                                null,
                                new PbxDecision.PbxSide.Unreadable("Secret acme-o2g is not among the manifests"),
                                PbxDecision.SecretContent.UNKNOWN,
                                NONE,
                                CONTEXT,
                                List.of("Unknown"),
                                "AwaitingActivation",
                                ConnectionState.Pending)),
                row(
                        "a system another object holds is a Conflict that writes nothing",
                        new Row(
                                BTCO_PREFIX,
                                null,
                                OWNER,
                                null,
                                RUNNING,
                                ALL_UP,
                                NOT_READ,
                                SECRET_OLD_CODE,
                                NONE,
                                HELD,
                                List.of("Wait(Conflict)"),
                                "Conflict",
                                null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void sync(String name, Row row) {
        PbxDecision.Desired desired = new PbxDecision.Desired(row.pbx(), row.plan(), row.owner(), row.endpoint());
        Decision<PbxDecision.View> decision = PbxDecision.decide(
                desired,
                new PbxDecision.Observation(Observed.of(row.system()), row.state(), row.pbxSide(), row.secret()),
                row.memory(),
                row.context());
        assertAll(
                () -> assertEquals(row.steps(), brief(decision.steps())),
                () -> assertEquals(row.reason(), decision.outcome().readyReason()),
                () -> assertEquals(row.connection(), decision.view().connection()));
    }

    @Test
    void aBuildToOrderPbxIsLookedAtLessOftenThanOneThatConnectsByItself() {
        Decision<PbxDecision.View> installer = PbxDecision.decide(
                new PbxDecision.Desired(BTCO, null, OWNER, null),
                new PbxDecision.Observation(Observed.of(PENDING_OXO), null, NOT_READ, SECRET_RUNNING),
                NONE,
                CONTEXT);
        Decision<PbxDecision.View> fleet = PbxDecision.decide(
                new PbxDecision.Desired(FLEET, null, OWNER, null),
                new PbxDecision.Observation(
                        Observed.of(FLEET_PENDING), null, NOT_READ, PbxDecision.SecretContent.UNKNOWN),
                NONE,
                CONTEXT);
        assertEquals(PENDING, fleet.outcome().recheckAfter());
        assertTrue(installer.outcome().recheckAfter().compareTo(PENDING) > 0);
        assertTrue(installer.outcome().readyMessage().contains("Secret acme-oxo-activation"));
    }

    @Test
    void aFleetEquipmentIdIsNeverShownItIsTheActivationCode() {
        Decision<PbxDecision.View> decision = PbxDecision.decide(
                new PbxDecision.Desired(FLEET, null, OWNER, null),
                new PbxDecision.Observation(
                        Observed.of(FLEET_PENDING), null, NOT_READ, PbxDecision.SecretContent.UNKNOWN),
                NONE,
                CONTEXT);
        assertNull(decision.view().equipmentId());
        assertEquals(
                "PBXa-1",
                PbxDecision.decide(
                                new PbxDecision.Desired(BTCO, null, OWNER, null),
                                new PbxDecision.Observation(Observed.of(RUNNING), ALL_UP, NOT_READ, SECRET_RUNNING),
                                NONE,
                                CONTEXT)
                        .view()
                        .equipmentId());
    }

    @Test
    void aChannelValueNobodyDocumentedIsShownNotTakenForAChannelDown() {
        CloudSystemState odd = json(CloudSystemState.class, "{\"conf\":\"established\",\"csta\":\"up\"}");
        Decision<PbxDecision.View> decision = PbxDecision.decide(
                new PbxDecision.Desired(BTCO, null, OWNER, null),
                new PbxDecision.Observation(Observed.of(RUNNING), odd, NOT_READ, SECRET_RUNNING),
                NONE,
                CONTEXT);
        assertEquals(ConnectionState.Running, decision.view().connection());
        assertEquals("Available", decision.outcome().readyReason());
        assertTrue(
                decision.outcome().readyMessage().contains("conf \"established\""),
                decision.outcome().readyMessage());
    }

    @Test
    void settingsTheCloudDidNotKeepAreNotSentAgainUntilTheSpecChanges() {
        CloudSystem withoutExtension = system("{\"id\":\"s1\",\"name\":\"ACME-OXO\",\"type\":\"oxo\","
                + "\"country\":\"FRA\",\"isShared\":false,\"siteId\":[\"site1\"],\"pbxId\":\"PBXa-1\","
                + "\"status\":\"activated\"}");
        PbxDecision.Observation observed =
                new PbxDecision.Observation(Observed.of(withoutExtension), ALL_UP, NOT_READ, SECRET_RUNNING);
        assertEquals(
                List.of("UpdateSystem(x-pbxops.model)"),
                brief(PbxDecision.decide(new PbxDecision.Desired(BTCO, null, OWNER, null), observed, NONE, CONTEXT)
                        .steps()));
        Decision<PbxDecision.View> remembered = PbxDecision.decide(
                new PbxDecision.Desired(BTCO, null, OWNER, null, Set.of("x-pbxops.model")), observed, NONE, CONTEXT);
        assertEquals(List.of(), brief(remembered.steps()));
        assertTrue(remembered.outcome().readyMessage().contains("does not keep x-pbxops.model"));
        assertEquals(
                Set.of("x-pbxops.model"),
                PbxDecision.notKept(
                        PbxDecision.decide(new PbxDecision.Desired(BTCO, null, OWNER, null), observed, NONE, CONTEXT)
                                .steps(),
                        PbxDecision.decide(new PbxDecision.Desired(BTCO, null, OWNER, null), observed, NONE, CONTEXT)
                                .steps()));
    }

    @Test
    void aDeletionDoesNotWaitForAGatewayRemovalTheCloudCannotDo() {
        CloudSystem withGateway =
                system("{\"id\":\"s1\"," + OXE_SYNCED + ",\"status\":\"activated\",\"hasMediaPillar\":true}");
        Decision<PbxDecision.View> decision = PbxDecision.decideDeletion(
                new PbxDecision.Desired(OXE_DELETE, null, null, null),
                new PbxDecision.DeletionObservation(true, Optional.of(withGateway), List.of()),
                NO_GATEWAYS);
        assertEquals(
                List.of(
                        "Reset(s1,null)",
                        "Unsupported(the WebRTC gateway administration)",
                        "DeleteSystem(s1)",
                        "DeleteActivationSecret"),
                brief(decision.steps()));
    }

    @Test
    void aNetworkTheEndpointCannotSetBecomesARunbookAndTheRainbowSettingsAreStillEntered() {
        PbxDecision.PbxSide noNetworkObject = new PbxDecision.PbxSide.Read(
                new EndpointState(false, null, AgentStatus.NONE, null, null, null, false, List.of()));
        Decision<PbxDecision.View> decision = PbxDecision.decide(
                new PbxDecision.Desired(OXE, null, OWNER, O2G_DNS),
                new PbxDecision.Observation(Observed.of(OXE_PENDING), null, noNetworkObject, SECRET_OXE),
                NONE,
                CONTEXT);
        assertEquals(
                List.of("ConfigurePbx(enable the Rainbow agent; set the Rainbow domain to openrainbow.com; "
                        + "enter the PBX ID; enter the activation code)"),
                brief(decision.steps()));
        assertEquals(
                List.of(
                        "on the OmniPCX, as mtcl: netadmin -m",
                        "menu 14 DNS configuration > 2 Create/Update: primary DNS 10.1.0.53",
                        "menu 20 Apply modifications"),
                decision.view().runbook());
        assertTrue(
                decision.outcome().readyMessage().contains("status.runbook"),
                decision.outcome().readyMessage());
    }

    @Test
    void thePbxSideIsReadOnlyWhileThePbxHasNotPresentedItsCodeOrIsReset() {
        PbxDecision.Desired oxe = new PbxDecision.Desired(OXE, null, OWNER, O2G);
        assertFalse(PbxDecision.needsPbxSide(oxe, null, NONE), "a new system: configured whole");
        assertTrue(PbxDecision.needsPbxSide(oxe, OXE_PENDING, NONE));
        assertFalse(PbxDecision.needsPbxSide(oxe, OXE_ACTIVATING, NONE));
        assertFalse(PbxDecision.needsPbxSide(oxe, OXE_RUNNING, NONE));
        assertFalse(PbxDecision.needsPbxSide(new PbxDecision.Desired(BTCO, null, OWNER, null), PENDING_OXO, NONE));
    }

    record DeletionRow(
            Pbx pbx,
            PbxDecision.Endpoint endpoint,
            boolean declared,
            CloudSystem system,
            List<CloudMediaPillar> gateways,
            DecisionContext context,
            List<String> steps) {}

    static Stream<Arguments> deletion() {
        return Stream.of(
                row(
                        "the documents' order: reset, gateways, the PBX's agent off, the equipment, the Secret",
                        new DeletionRow(
                                OXE_DELETE,
                                O2G,
                                true,
                                OXE_RUNNING,
                                List.of(GATEWAY_1, GATEWAY_2),
                                CONTEXT,
                                List.of(
                                        "Reset(s1,null)",
                                        "DeleteGateway(g1)",
                                        "DeleteGateway(g2)",
                                        "DisablePbx",
                                        "DeleteSystem(s1)",
                                        "DeleteActivationSecret"))),
                row(
                        "a Pending PBX is not reset before it goes",
                        new DeletionRow(
                                BTCO,
                                null,
                                true,
                                PENDING_OXO,
                                List.of(),
                                CONTEXT,
                                List.of("DeleteSystem(s1)", "DeleteActivationSecret"))),
                row(
                        "deletionPolicy Orphan leaves the system in the cloud",
                        new DeletionRow(OXE_ORPHAN, null, true, OXE_RUNNING, List.of(), CONTEXT, List.of("Orphan"))),
                row(
                        "a paused PBX is left in the cloud",
                        new DeletionRow(OXE_PAUSED, null, true, OXE_RUNNING, List.of(), CONTEXT, List.of("Orphan"))),
                row(
                        "a PBX never declared in the cloud deletes nothing",
                        new DeletionRow(BTCO_NEW, null, false, null, List.of(), CONTEXT, List.of())),
                row(
                        "a system already gone leaves only its Secret to delete",
                        new DeletionRow(BTCO, null, true, null, List.of(), CONTEXT, List.of("DeleteActivationSecret"))),
                row(
                        "a system another object holds is not touched",
                        new DeletionRow(OXE_DELETE, O2G, true, OXE_RUNNING, List.of(GATEWAY_1), HELD, List.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void deletion(String name, DeletionRow row) {
        Decision<PbxDecision.View> decision = PbxDecision.decideDeletion(
                new PbxDecision.Desired(row.pbx(), null, null, row.endpoint()),
                new PbxDecision.DeletionObservation(row.declared(), Optional.ofNullable(row.system()), row.gateways()),
                row.context());
        assertAll(
                () -> assertEquals(row.steps(), brief(decision.steps())),
                () -> assertEquals("Deleting", decision.outcome().readyReason()),
                () -> assertNull(decision.outcome().recheckAfter()));
    }

    private static PbxDecision.PbxSide read(
            boolean enabled, String equipmentId, AgentStatus status, String domain, EndpointSettings.Network network) {
        return new PbxDecision.PbxSide.Read(
                new EndpointState(enabled, equipmentId, status, status.name(), domain, network, true, List.of()));
    }

    static Arguments row(String name, Object row) {
        return Arguments.of(name, row);
    }

    private static Pbx pbx(String yaml) {
        return yaml(Pbx.class, "apiVersion: pbxops.io/v1alpha1\nkind: Pbx\n" + yaml);
    }

    private static CloudSystem system(String json) {
        return json(CloudSystem.class, json);
    }
}
