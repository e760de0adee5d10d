package io.pbxops.operator.pbx;

/**
 * The PBX side as the reconcilers see it: the Rainbow settings of one PBX behind its management endpoint.
 * {@code observe} never writes; {@code apply} writes only what differs (create and update are one step on a PBX: the
 * settings always exist); {@code disable} turns the Rainbow agent off and tolerates a PBX that cannot be reached.
 */
public interface PbxEndpointPort {

    EndpointState observe(PbxEndpointTarget target);

    /** Enters the activation data and the network prerequisites; answers what the PBX holds afterwards. */
    EndpointState apply(PbxEndpointTarget target, EndpointSettings desired);

    /** Turns the PBX's Rainbow agent off (the PBX is removed from the cloud); false when it could not be reached. */
    boolean disable(PbxEndpointTarget target);
}
