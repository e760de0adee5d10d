package io.pbxops.operator.reconcile;

import io.pbxops.operator.cloud.model.CloudCompany;
import io.pbxops.operator.cloud.model.CloudMediaPillar;
import io.pbxops.operator.cloud.model.CloudSite;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.mapping.CloudRef;
import io.pbxops.operator.mapping.CompanyMapping;
import io.pbxops.operator.mapping.GatewayMapping;
import io.pbxops.operator.mapping.SystemMapping;
import java.util.Map;

/**
 * The signature of each cloud object as the ledger records it after a write and the drift check computes it from the
 * cloud's lists: one function per collection, so both sides always hash the same fields.
 */
public final class CloudSignatures {

    private CloudSignatures() {}

    public static Map.Entry<CloudRef, String> of(CloudCompany company) {
        return Map.entry(CloudRef.company(company.id()), CloudLedger.hash(CompanyMapping.signature(company)));
    }

    public static Map.Entry<CloudRef, String> of(CloudSite site) {
        return Map.entry(CloudRef.site(site.id()), CloudLedger.hash(CompanyMapping.signature(site)));
    }

    public static Map.Entry<CloudRef, String> of(CloudSystem system) {
        return Map.entry(CloudRef.system(system.id()), CloudLedger.hash(SystemMapping.signature(system)));
    }

    public static Map.Entry<CloudRef, String> of(CloudMediaPillar gateway) {
        return Map.entry(CloudRef.gateway(gateway.id()), CloudLedger.hash(GatewayMapping.signature(gateway)));
    }

    /** A share's link: it exists or not, nothing else. */
    public static Map.Entry<CloudRef, String> link(String systemId, String siteId) {
        return Map.entry(
                CloudRef.link(systemId, siteId), CloudLedger.hash(SystemMapping.linkSignature(systemId, siteId, true)));
    }

    /** The part of a system that moves as its PBX connects, drops a channel or is reset. */
    public static String connection(CloudSystem system) {
        return CloudLedger.hash(SystemMapping.connectionSignature(system));
    }
}
