package io.pbxops.operator.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Authorization;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * Request bodies kubectl sends as Kubernetes protobuf ({@code application/vnd.kubernetes.protobuf}): its typed
 * clients do for built-in kinds ({@code kubectl create secret|configmap|namespace}, {@code kubectl auth can-i}) and
 * never fall back to JSON. They are read with the Kubernetes API's generated protobuf classes and turned into the JSON
 * the API server would have been sent; answers stay JSON, which kubectl also accepts.
 */
final class ProtobufBodies {

    static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";
    /** kube-apiserver's answer to a body in a format it does not read for that kind. */
    static final String UNSUPPORTED =
            "the body of the request was in an unknown format - accepted media types include: "
                    + "application/json, application/yaml, application/apply-patch+yaml";

    /** A protobuf body that cannot be read: not protobuf at all (415), or of a kind not served here (404). */
    static final class Unreadable extends Exception {
        final int code;

        Unreadable(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    private static final ObjectMapper JSON = Serialization.jsonMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final byte[] MAGIC = {'k', '8', 's', 0};
    private static final Map<String, Parser<? extends Message>> KINDS = Map.of(
            "v1/Secret", V1.Secret.parser(),
            "v1/ConfigMap", V1.ConfigMap.parser(),
            "v1/Namespace", V1.Namespace.parser(),
            "v1/Event", V1.Event.parser(),
            "authorization.k8s.io/v1/SelfSubjectAccessReview", V1Authorization.SelfSubjectAccessReview.parser(),
            "authorization.k8s.io/v1/SelfSubjectRulesReview", V1Authorization.SelfSubjectRulesReview.parser());

    private ProtobufBodies() {}

    static boolean isProtobuf(String contentType) {
        return contentType != null && contentType.trim().startsWith(MEDIA_TYPE);
    }

    /** The object the body holds, as JSON with its apiVersion and kind. */
    static ObjectNode toJson(byte[] body) throws Unreadable {
        if (body.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(body, MAGIC.length), MAGIC)) {
            throw new Unreadable(415, "the body is not a Kubernetes protobuf message (no k8s\\0 prefix)");
        }
        try {
            Runtime.Unknown envelope = Runtime.Unknown.parseFrom(Arrays.copyOfRange(body, MAGIC.length, body.length));
            String apiVersion = envelope.getTypeMeta().getApiVersion();
            String kind = envelope.getTypeMeta().getKind();
            Parser<? extends Message> parser = KINDS.get(apiVersion + "/" + kind);
            if (parser == null) {
                throw new Unreadable(
                        404,
                        "the embedded API server (pbx-operator up) does not serve " + kind + " (" + apiVersion + ")");
            }
            ObjectNode object = NODES.objectNode().put("apiVersion", apiVersion).put("kind", kind);
            JsonNode fields = convert(parser.parseFrom(envelope.getRaw()));
            if (fields.isObject()) {
                object.setAll((ObjectNode) fields);
            }
            return object;
        } catch (InvalidProtocolBufferException e) {
            throw new Unreadable(415, "the protobuf body cannot be read: " + e.getMessage());
        }
    }

    /** A message as the Kubernetes JSON of its Go type (empty optional fields left out, as Go's omitempty does). */
    private static JsonNode convert(Message message) {
        String type = message.getDescriptorForType().getName();
        String file = message.getDescriptorForType().getFile().getPackage();
        if (file.endsWith("apis.meta.v1") && (type.equals("Time") || type.equals("MicroTime"))) {
            return time(message, type.equals("MicroTime"));
        }
        if (file.endsWith("util.intstr") && type.equals("IntOrString")) {
            return intOrString(message);
        }
        if (file.endsWith("api.resource") && type.equals("Quantity")) {
            return NODES.textNode(String.valueOf(field(message, "string")));
        }
        if ((file.endsWith("pkg.runtime") && type.equals("RawExtension"))
                || (file.endsWith("apis.meta.v1") && type.equals("FieldsV1"))) {
            return raw((ByteString) field(message, "raw"));
        }
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
            FieldDescriptor field = entry.getKey();
            if (field.isMapField()) {
                ObjectNode map = object.putObject(field.getJsonName());
                for (Object item : (Iterable<?>) entry.getValue()) {
                    Message pair = (Message) item;
                    map.set(String.valueOf(field(pair, "key")), scalar(pair, "value"));
                }
            } else if (field.isRepeated()) {
                ArrayNode list = object.putArray(field.getJsonName());
                for (Object item : (Iterable<?>) entry.getValue()) {
                    list.add(value(field, item));
                }
            } else {
                JsonNode value = value(field, entry.getValue());
                if (!empty(value) || field.getType() == FieldDescriptor.Type.BOOL) {
                    object.set(field.getJsonName(), value);
                }
            }
        }
        return object;
    }

    private static JsonNode scalar(Message pair, String name) {
        FieldDescriptor field = pair.getDescriptorForType().findFieldByName(name);
        return value(field, pair.getField(field));
    }

    private static JsonNode value(FieldDescriptor field, Object value) {
        return switch (field.getJavaType()) {
            case MESSAGE -> convert((Message) value);
            case STRING -> NODES.textNode((String) value);
            case BYTE_STRING -> NODES.textNode(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
            case BOOLEAN -> NODES.booleanNode((Boolean) value);
            case INT -> NODES.numberNode((Integer) value);
            case LONG -> NODES.numberNode((Long) value);
            case FLOAT -> NODES.numberNode((Float) value);
            case DOUBLE -> NODES.numberNode((Double) value);
            case ENUM -> NODES.textNode(String.valueOf(value));
        };
    }

    private static boolean empty(JsonNode value) {
        return value.isNull()
                || (value.isTextual() && value.asText().isEmpty())
                || (value.isNumber() && value.asDouble() == 0)
                || (value.isContainerNode() && value.isEmpty());
    }

    private static Object field(Message message, String name) {
        return message.getField(message.getDescriptorForType().findFieldByName(name));
    }

    private static JsonNode time(Message message, boolean micro) {
        long seconds = (Long) field(message, "seconds");
        int nanos = (Integer) field(message, "nanos");
        if (seconds == 0 && nanos == 0) {
            return NODES.nullNode();
        }
        Instant instant = Instant.ofEpochSecond(seconds, nanos);
        return NODES.textNode(
                (micro ? instant.truncatedTo(ChronoUnit.MICROS) : instant.truncatedTo(ChronoUnit.SECONDS)).toString());
    }

    private static JsonNode intOrString(Message message) {
        long type = ((Number) field(message, "type")).longValue();
        return type == 0
                ? NODES.numberNode((Integer) field(message, "intVal"))
                : NODES.textNode(String.valueOf(field(message, "strVal")));
    }

    private static JsonNode raw(ByteString bytes) {
        if (bytes.isEmpty()) {
            return NODES.nullNode();
        }
        try {
            return JSON.readTree(bytes.toByteArray());
        } catch (IOException e) {
            return NODES.nullNode();
        }
    }
}
