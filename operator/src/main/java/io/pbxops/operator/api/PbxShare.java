package io.pbxops.operator.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** Associates a shared Pbx with a Company (the admin UI's "Shared" association). */
@Group(PbxOps.GROUP)
@Version(PbxOps.VERSION)
@ShortNames("pxs")
@Categories(PbxOps.CATEGORY)
@AdditionalPrinterColumn(name = "Pbx", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".spec.pbxRef.name")
@AdditionalPrinterColumn(
        name = "Company",
        type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = ".spec.companyRef.name")
@AdditionalPrinterColumn(name = "Linked", type = AdditionalPrinterColumn.Type.BOOLEAN, jsonPath = ".status.linked")
@AdditionalPrinterColumn(
        name = "Ready",
        type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = PbxOps.READY_STATUS_PATH)
@AdditionalPrinterColumn(
        name = "Synced",
        type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = PbxOps.SYNCED_STATUS_PATH)
@AdditionalPrinterColumn(
        name = "Reason",
        type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = PbxOps.READY_REASON_PATH,
        priority = 1)
@AdditionalPrinterColumn(
        name = "Age",
        type = AdditionalPrinterColumn.Type.DATE,
        jsonPath = ".metadata.creationTimestamp")
public class PbxShare extends CustomResource<PbxShareSpec, PbxShareStatus> implements Namespaced {}
