package io.pbxops.operator.runtime;

import io.pbxops.operator.cloud.CloudBudget;
import io.pbxops.operator.pbx.o2g.O2gRainbowNames;
import io.pbxops.operator.reconcile.OperatorSettings;
import java.net.URI;

/**
 * Everything {@code run} is configured with, besides the credentials.
 *
 * @param pageSize  the page size of the cloud's lists (drift checks)
 * @param opsBind   the address of the health and metrics endpoints
 * @param opsPort   their port; 0 picks a free one, -1 serves none
 */
public record RuntimeSettings(
        URI cloudUrl,
        CloudBudget budget,
        int pageSize,
        O2gRainbowNames o2gNames,
        OperatorSettings operator,
        String opsBind,
        int opsPort) {

    public RuntimeSettings(
            URI cloudUrl, CloudBudget budget, int pageSize, O2gRainbowNames o2gNames, OperatorSettings operator) {
        this(cloudUrl, budget, pageSize, o2gNames, operator, "0.0.0.0", -1);
    }

    public RuntimeSettings withOps(String bind, int port) {
        return new RuntimeSettings(cloudUrl, budget, pageSize, o2gNames, operator, bind, port);
    }
}
