package io.pbxops.operator.cloud;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pbxops.operator.cloud.model.Page;
import java.io.IOException;
import java.util.Map;

/**
 * Authenticated admin calls and their decoding, shared by the typed clients. A 401 means the token is no longer
 * good (expired, revoked): the token is dropped, the session logs in again once, and the call is sent once more;
 * this is safe even for a POST, because a 401 answer means the cloud did nothing.
 */
final class CloudApi {

    private final CloudTransport transport;
    private final CloudSession session;
    private final ObjectMapper json;

    CloudApi(CloudTransport transport, CloudSession session) {
        this.transport = transport;
        this.session = session;
        this.json = transport.json();
    }

    /** The {@code data} object of the answer. */
    <T> T data(CloudCall call, Class<T> type) {
        JsonNode data = dataNode(call);
        return convert(call, data, json.constructType(type));
    }

    /** A list answer {@code {data: [...], limit, offset, total}}. */
    <T> Page<T> page(CloudCall call, Class<T> itemType) {
        JsonNode body = body(call);
        return convert(call, body, json.getTypeFactory().constructParametricType(Page.class, itemType));
    }

    /** A call whose answer carries nothing the caller needs ({@code {status, data: []}}). */
    void noData(CloudCall call) {
        exchange(call);
    }

    private JsonNode dataNode(CloudCall call) {
        JsonNode data = body(call).get("data");
        if (data == null || data.isNull()) {
            throw new CloudException(
                    "Cannot " + call.action() + ": the answer has no data", call.endpoint(), 200, null);
        }
        return data;
    }

    private JsonNode body(CloudCall call) {
        CloudResponse response = exchange(call);
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new CloudException(
                    "Cannot " + call.action() + ": the answer is not JSON", call.endpoint(), response.status(), null);
        }
    }

    private CloudResponse exchange(CloudCall call) {
        CloudToken token = session.token();
        CloudResponse response = transport.send(call, Map.of("Authorization", token.bearer()));
        if (response.status() == 401) {
            session.rejected(token);
            token = session.token();
            response = transport.send(call, Map.of("Authorization", token.bearer()));
        }
        if (!response.isSuccess()) {
            throw CloudErrors.toException(call, response);
        }
        return response;
    }

    private <T> T convert(CloudCall call, JsonNode node, JavaType type) {
        try {
            return json.treeToValue(node, type);
        } catch (IOException | IllegalArgumentException e) {
            // Jackson messages may quote values: keep only the location
            throw new CloudException(
                    "Cannot " + call.action() + ": unexpected answer shape for "
                            + type.getRawClass().getSimpleName(),
                    call.endpoint(),
                    200,
                    null);
        }
    }
}
