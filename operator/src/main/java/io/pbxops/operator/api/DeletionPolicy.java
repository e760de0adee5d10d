package io.pbxops.operator.api;

/** What happens to the cloud object when its Kubernetes object is deleted. */
public enum DeletionPolicy {
    /** Remove the cloud object (for a PbxShare: unlink the PBX from the company). */
    Delete,
    /** Leave the cloud object as it is and only forget it. */
    Orphan
}
