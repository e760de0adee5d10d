package io.pbxops.operator.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** Phone-number transformation rules for outgoing Rainbow calls, shared by the Pbx objects that name it. */
@Group(PbxOps.GROUP)
@Version(PbxOps.VERSION)
@ShortNames("npl")
@Categories(PbxOps.CATEGORY)
@AdditionalPrinterColumn(
        name = "Examples",
        type = AdditionalPrinterColumn.Type.INTEGER,
        jsonPath = ".status.examplesTotal")
@AdditionalPrinterColumn(
        name = "Passed",
        type = AdditionalPrinterColumn.Type.INTEGER,
        jsonPath = ".status.examplesPassed")
@AdditionalPrinterColumn(name = "PBXs", type = AdditionalPrinterColumn.Type.INTEGER, jsonPath = ".status.pbxCount")
@AdditionalPrinterColumn(
        name = "Ready",
        type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = PbxOps.READY_STATUS_PATH)
@AdditionalPrinterColumn(
        name = "Synced",
        type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = PbxOps.SYNCED_STATUS_PATH)
@AdditionalPrinterColumn(
        name = "Internal Length",
        type = AdditionalPrinterColumn.Type.INTEGER,
        jsonPath = ".status.internalNumberLength",
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
public class NumberingPlan extends CustomResource<NumberingPlanSpec, NumberingPlanStatus> implements Namespaced {}
