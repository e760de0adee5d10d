package io.pbxops.operator.runtime;

import io.pbxops.operator.cloud.CloudBudget;
import io.pbxops.operator.pbx.StandardDrivers;
import io.pbxops.operator.reconcile.OperatorSettings;
import java.net.URI;

/**
 * Everything {@code run} is configured with, besides the credentials.
 *
 * @param pageSize  the page size of the cloud's lists (drift checks)
 * @param drivers   how the PBX endpoint drivers reach the PBXs
 * @param opsBind   the address of the health and metrics endpoints
 * @param opsPort   their port; 0 picks a free one, -1 serves none
 */
public record RuntimeSettings(
        URI cloudUrl,
        CloudBudget budget,
        int pageSize,
        StandardDrivers.Options drivers,
        OperatorSettings operator,
        String opsBind,
        int opsPort) {

    public RuntimeSettings(
            URI cloudUrl,
            CloudBudget budget,
            int pageSize,
            StandardDrivers.Options drivers,
            OperatorSettings operator) {
        this(cloudUrl, budget, pageSize, drivers, operator, "0.0.0.0", -1);
    }

    public RuntimeSettings withDrivers(StandardDrivers.Options value) {
        return new RuntimeSettings(cloudUrl, budget, pageSize, value, operator, opsBind, opsPort);
    }

    public RuntimeSettings withOps(String bind, int port) {
        return new RuntimeSettings(cloudUrl, budget, pageSize, drivers, operator, bind, port);
    }
}
