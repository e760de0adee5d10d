package io.pbxops.operator.gitops;

import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.decision.PbxDecision;

/** Reads what a PBX with a management endpoint holds, without writing to it ({@code plan --pbx-endpoints}). */
public interface PbxSide {

    /** What the PBX holds, or why it could not be read (never a secret value). */
    PbxDecision.PbxSide read(Pbx pbx);

    /** The endpoint's description and network, as the Pbx's decision needs them. */
    PbxDecision.Endpoint endpoint(Pbx pbx);
}
