package io.pbxops.operator.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A WebRTC gateway of a Pbx (the admin UI's WebRTC GW tab). */
@Group(PbxOps.GROUP)
@Version(PbxOps.VERSION)
@ShortNames("wrg")
@Categories(PbxOps.CATEGORY)
@AdditionalPrinterColumn(name = "Pbx", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".spec.pbxRef.name")
@AdditionalPrinterColumn(name = "Type", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".spec.type")
@AdditionalPrinterColumn(
        name = "Version",
        type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = ".status.runningVersion")
@AdditionalPrinterColumn(name = "State", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.state")
@AdditionalPrinterColumn(
        name = "Ready",
        type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = PbxOps.READY_STATUS_PATH)
@AdditionalPrinterColumn(
        name = "Synced",
        type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = PbxOps.SYNCED_STATUS_PATH)
@AdditionalPrinterColumn(
        name = "Available",
        type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = ".status.availableVersion",
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
public class WebRtcGateway extends CustomResource<WebRtcGatewaySpec, WebRtcGatewayStatus> implements Namespaced {}
