package io.pbxops.operator.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pbxops.operator.cloud.model.CloudSystem;
import io.pbxops.operator.cloud.model.CloudSystemState;
import io.pbxops.operator.cloud.model.Format;
import io.pbxops.operator.cloud.model.NewSystem;
import io.pbxops.operator.cloud.model.Page;
import io.pbxops.operator.cloud.model.PageRequest;
import io.pbxops.operator.cloud.model.SystemSettings;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Systems (PBXs): {@code /api/rainbow/admin/v1.0/systems} and the site links (docs/cloud-contract.md#systems).
 * Obtain it from {@link RainbowClient}.
 */
public final class SystemClient {

    private static final ObjectMapper BODIES = CloudJson.newMapper();

    static final String SYSTEMS = "/systems";
    static final String SYSTEM = "/systems/{systemId}";
    static final String SYSTEM_BY_PBX_ID = "/systems/pbxid/{pbxId}";
    static final String SYSTEM_STATE = "/systems/{systemId}/state";
    static final String SYSTEM_RESET = "/systems/{systemId}/reset-password";
    static final String SITE_SYSTEMS = "/sites/{siteId}/systems";
    static final String SITE_SYSTEM = "/sites/{siteId}/systems/{systemId}";

    private final CloudApi api;

    SystemClient(CloudApi api) {
        this.api = api;
    }

    /**
     * Declares a system. Not retried after an unclear failure: a second POST could declare a second PBX (or, with a
     * fixed pbxId, fail with 409000); look it up by pbxId or name first.
     *
     * @throws CloudConflictException 409000 when the pbxId is taken
     * @throws CloudInvalidRequestException 400000 with the invalid fields
     */
    public CloudSystem create(NewSystem system) {
        // the equipment ID stays out of messages: for a fleet PBX it is also the activation code
        return api.data(
                CloudCall.admin(
                                "POST",
                                SYSTEMS,
                                "create system " + system.settings().name())
                        .withBody(system)
                        .withSensitive(system.pbxId(), system.activationCode()),
                CloudSystem.class);
    }

    /** @throws CloudNotFoundException 404000 when no system has that id */
    public CloudSystem get(String systemId) {
        return get(systemId, false);
    }

    /** With {@code connectionHistory}, the activation events are included. */
    public CloudSystem get(String systemId, boolean connectionHistory) {
        CloudCall call = CloudCall.admin("GET", SYSTEM, "read system " + systemId, systemId);
        return api.data(
                connectionHistory ? call.withQuery(Map.of("connectionHistory", "true")) : call, CloudSystem.class);
    }

    public Optional<CloudSystem> find(String systemId) {
        return Tolerant.absentIfNotFound(() -> get(systemId));
    }

    /** The system with that equipment ID (kept out of messages and logs: a fleet PBX's ID is also its code). */
    public CloudSystem getByPbxId(String pbxId) {
        return api.data(
                CloudCall.admin("GET", SYSTEM_BY_PBX_ID, "read a system by its equipment ID", pbxId)
                        .withSensitive(pbxId),
                CloudSystem.class);
    }

    public Optional<CloudSystem> findByPbxId(String pbxId) {
        return Tolerant.absentIfNotFound(() -> getByPbxId(pbxId));
    }

    public Page<CloudSystem> list(SystemFilter filter, PageRequest page) {
        return api.page(
                CloudCall.admin("GET", SYSTEMS, "list systems").withQuery(QueryParams.paged(filter.toQuery(), page)),
                CloudSystem.class);
    }

    /** Every matching system, page by page (see {@link Pages}). */
    public Stream<CloudSystem> listAll(SystemFilter filter) {
        return Pages.stream(PageRequest.first(), page -> list(filter, page));
    }

    /**
     * Partial update: only the non-null fields of {@code changes} are sent; {@code x-pbxops} keys replace the stored
     * ones one by one.
     */
    public CloudSystem update(String systemId, SystemSettings changes) {
        return api.data(
                CloudCall.admin("PUT", SYSTEM, "update system " + systemId, systemId)
                        .withBody(updateBody(changes)),
                CloudSystem.class);
    }

    /**
     * The body of an update in the shapes the contract gives a PUT: {@code pbxMainBundlePrefix} is a list on POST
     * and a string on PUT in the admin Swagger (docs/cloud-contract.md#systems).
     */
    static JsonNode updateBody(SystemSettings changes) {
        ObjectNode body = BODIES.valueToTree(changes);
        JsonNode prefix = body.get("pbxMainBundlePrefix");
        if (prefix != null && prefix.isArray() && prefix.size() == 1) {
            body.put("pbxMainBundlePrefix", prefix.get(0).asText());
        }
        return body;
    }

    /**
     * Deletes a system.
     *
     * @throws CloudForbiddenException 403030 while it still has a WebRTC gateway: delete the gateways first
     * @throws CloudNotFoundException when it is already gone; see {@link #deleteIfExists}
     */
    public void delete(String systemId) {
        api.noData(CloudCall.admin("DELETE", SYSTEM, "delete system " + systemId, systemId));
    }

    /** Deletes the system; false when it was already gone. */
    public boolean deleteIfExists(String systemId) {
        return Tolerant.falseIfNotFound(() -> delete(systemId));
    }

    /**
     * Resets the PBX connection: a new activation code (in the answer's {@code jid_pbxagent_password}), the same
     * pbxId, status back to {@code created}. Not retried after an unclear failure: each call makes a new code, so
     * read the system to learn the current one.
     */
    public CloudSystem resetPassword(String systemId) {
        return api.data(
                CloudCall.admin("POST", SYSTEM_RESET, "reset the connection of system " + systemId, systemId),
                CloudSystem.class);
    }

    /** The connection channels ({@code small}: one indicator; {@code medium}/{@code full}: per channel). */
    public CloudSystemState state(String systemId, Format format) {
        return api.data(
                CloudCall.admin("GET", SYSTEM_STATE, "read the state of system " + systemId, systemId)
                        .withQuery(Map.of("format", format.wireValue())),
                CloudSystemState.class);
    }

    /**
     * Links a system to a site (shares it with the site's company). Idempotent: linking again is no error, so it is
     * retried like a GET.
     */
    public CloudSystem link(String siteId, String systemId) {
        return api.data(
                CloudCall.admin("POST", SITE_SYSTEMS, "link system " + systemId + " to site " + siteId, siteId)
                        .withBody(Map.of("systemId", systemId))
                        .idempotentPost(),
                CloudSystem.class);
    }

    /**
     * Removes a system from a site.
     *
     * @throws CloudConflictException 409000 for the last site of a system that is neither shared nor centrex
     */
    public void unlink(String siteId, String systemId) {
        api.noData(CloudCall.admin(
                "DELETE", SITE_SYSTEM, "unlink system " + systemId + " from site " + siteId, siteId, systemId));
    }

    /** Removes the link; false when the system or the site is already gone. */
    public boolean unlinkIfLinked(String siteId, String systemId) {
        return Tolerant.falseIfNotFound(() -> unlink(siteId, systemId));
    }
}
