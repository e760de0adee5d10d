package io.pbxops.operator.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A customer company of the reseller, and the site its PBXs link to. */
@Group(PbxOps.GROUP)
@Version(PbxOps.VERSION)
@ShortNames("pco")
@Categories(PbxOps.CATEGORY)
@AdditionalPrinterColumn(name = "Country", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".spec.country")
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
        name = "Company ID",
        type = AdditionalPrinterColumn.Type.STRING,
        jsonPath = ".status.companyId",
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
public class Company extends CustomResource<CompanySpec, CompanyStatus> implements Namespaced {}
