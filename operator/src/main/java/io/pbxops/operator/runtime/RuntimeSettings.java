package io.pbxops.operator.runtime;

import io.pbxops.operator.cloud.CloudBudget;
import io.pbxops.operator.pbx.o2g.O2gRainbowNames;
import io.pbxops.operator.reconcile.OperatorSettings;

import java.net.URI;

/**
 * Everything {@code run} is configured with, besides the credentials.
 *
 * @param pageSize the page size of the cloud's lists (drift checks)
 */
public record RuntimeSettings(URI cloudUrl, CloudBudget budget, int pageSize, O2gRainbowNames o2gNames,
                              OperatorSettings operator) {
}
