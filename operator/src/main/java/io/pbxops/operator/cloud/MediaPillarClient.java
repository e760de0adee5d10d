package io.pbxops.operator.cloud;

import static io.pbxops.operator.cloud.CloudExtensions.MEDIA_PILLARS_PATH;
import static io.pbxops.operator.cloud.CloudExtensions.MEDIA_PILLAR_PATH;
import static io.pbxops.operator.cloud.CloudExtensions.MP_SYSTEM_ID;

import io.pbxops.operator.cloud.model.CloudMediaPillar;
import io.pbxops.operator.cloud.model.MediaPillarSettings;
import io.pbxops.operator.cloud.model.NewMediaPillar;
import io.pbxops.operator.cloud.model.Page;
import io.pbxops.operator.cloud.model.PageRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * WebRTC gateways ("media pillars") through the invented admin API of EXTENSIONS.md §1.2 (paths and names in
 * {@link CloudExtensions}). Obtain it from {@link RainbowClient}.
 */
public final class MediaPillarClient {

    private final CloudApi api;

    MediaPillarClient(CloudApi api) {
        this.api = api;
    }

    /** The gateways of one system, or of every system when {@code systemId} is null. */
    public Page<CloudMediaPillar> list(String systemId, PageRequest page) {
        Map<String, String> query = new LinkedHashMap<>();
        QueryParams.put(query, MP_SYSTEM_ID, systemId);
        return api.page(
                CloudCall.admin("GET", MEDIA_PILLARS_PATH, "list media pillars")
                        .withQuery(QueryParams.paged(query, page)),
                CloudMediaPillar.class);
    }

    public Stream<CloudMediaPillar> listAll(String systemId) {
        return Pages.stream(PageRequest.first(), page -> list(systemId, page));
    }

    /**
     * Creates a gateway. Not retried after an unclear failure; list the system's gateways first.
     *
     * @throws CloudForbiddenException 403040 when the system's WebRTC is not enabled, 403041 for an internal gateway
     *     on anything but OXO Connect Evolution
     */
    public CloudMediaPillar create(NewMediaPillar mediaPillar) {
        return api.data(
                CloudCall.admin(
                                "POST",
                                MEDIA_PILLARS_PATH,
                                "create a media pillar for system " + mediaPillar.systemId())
                        .withBody(mediaPillar),
                CloudMediaPillar.class);
    }

    /** @throws CloudNotFoundException 404030 when no gateway has that id */
    public CloudMediaPillar get(String mediaPillarId) {
        return api.data(
                CloudCall.admin("GET", MEDIA_PILLAR_PATH, "read media pillar " + mediaPillarId, mediaPillarId),
                CloudMediaPillar.class);
    }

    public Optional<CloudMediaPillar> find(String mediaPillarId) {
        return Tolerant.absentIfNotFound(() -> get(mediaPillarId));
    }

    /** Partial update: only the non-null fields are sent. */
    public CloudMediaPillar update(String mediaPillarId, MediaPillarSettings changes) {
        return api.data(
                CloudCall.admin("PUT", MEDIA_PILLAR_PATH, "update media pillar " + mediaPillarId, mediaPillarId)
                        .withBody(changes),
                CloudMediaPillar.class);
    }

    /** @throws CloudNotFoundException 404030 when it is already gone; see {@link #deleteIfExists} */
    public void delete(String mediaPillarId) {
        api.noData(CloudCall.admin("DELETE", MEDIA_PILLAR_PATH, "delete media pillar " + mediaPillarId, mediaPillarId));
    }

    /** Deletes the gateway; false when it was already gone. */
    public boolean deleteIfExists(String mediaPillarId) {
        return Tolerant.falseIfNotFound(() -> delete(mediaPillarId));
    }
}
