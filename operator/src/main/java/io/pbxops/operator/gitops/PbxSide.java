package io.pbxops.operator.gitops;

import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.pbx.EndpointState;

/** Reads what a PBX with a management endpoint holds, without writing to it ({@code plan --pbx-endpoints}). */
public interface PbxSide {

    /** What the PBX holds, or why it could not be read (never a secret value). */
    Reading read(Pbx pbx);

    record Reading(EndpointState state, String unreadable) {

        static Reading of(EndpointState state) {
            return new Reading(state, null);
        }

        static Reading unreadable(String why) {
            return new Reading(null, why);
        }
    }
}
