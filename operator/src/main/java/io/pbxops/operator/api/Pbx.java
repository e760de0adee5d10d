package io.pbxops.operator.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A communication server (OmniPCX Enterprise, OXO Connect, OXO Connect Evolution) declared in the cloud. */
@Group(PbxOps.GROUP)
@Version(PbxOps.VERSION)
@Plural("pbxs")
@ShortNames("px")
@Categories(PbxOps.CATEGORY)
@AdditionalPrinterColumn(name = "Type", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".spec.type")
@AdditionalPrinterColumn(
        name = "Company",
        type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = ".spec.companyRef.name")
@AdditionalPrinterColumn(
        name = "Connection",
        type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = ".status.connection")
@AdditionalPrinterColumn(
        name = "Companies",
        type = AdditionalPrinterColumn.Type.INTEGER,
        jsonPath = ".status.companies")
@AdditionalPrinterColumn(
        name = "Ready",
        type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = PbxOps.READY_STATUS_PATH)
@AdditionalPrinterColumn(
        name = "Synced",
        type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = PbxOps.SYNCED_STATUS_PATH)
@AdditionalPrinterColumn(
        name = "Equipment ID",
        type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = ".status.equipmentId",
        priority = 1)
@AdditionalPrinterColumn(
        name = "System ID",
        type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = ".status.systemId",
        priority = 1)
@AdditionalPrinterColumn(
        name = "Reason",
        type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = PbxOps.READY_REASON_PATH,
        priority = 1)
@AdditionalPrinterColumn(
        name = "Age",
        type = AdditionalPrinterColumn.Type.DATE,
        jsonPath = ".metadata.creationTimestamp")
public class Pbx extends CustomResource<PbxSpec, PbxStatus> implements Namespaced {

    /** The Secret that holds its equipment ID and activation code: {@code spec.activation.secretName}, else {@code <name>-activation}. */
    public String activationSecretName() {
        PbxActivation activation = getSpec() == null ? null : getSpec().getActivation();
        return activation != null && activation.getSecretName() != null
                ? activation.getSecretName()
                : getMetadata().getName() + "-activation";
    }
}
