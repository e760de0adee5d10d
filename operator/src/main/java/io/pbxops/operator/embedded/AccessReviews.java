package io.pbxops.operator.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code kubectl auth can-i}: the embedded API server has no authentication nor authorization, so every review
 * answers allowed, and says why.
 */
final class AccessReviews {

    static final String ACCESS = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";
    static final String RULES = "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews";
    static final String REASON =
            "the embedded API server (pbx-operator up) has no authorization: everything is allowed";

    private AccessReviews() {}

    static boolean serves(String path) {
        return path.equals(ACCESS) || path.equals(RULES);
    }

    /** The review posted to {@code path}, answered. */
    static JsonNode answer(String path, JsonNode review) {
        ObjectNode answered = review.isObject() ? ((ObjectNode) review).deepCopy() : Admission.status(0, "", "");
        answered.put("apiVersion", "authorization.k8s.io/v1")
                .put("kind", path.equals(ACCESS) ? "SelfSubjectAccessReview" : "SelfSubjectRulesReview");
        answered.withObjectProperty("metadata").putNull("creationTimestamp");
        ObjectNode status = answered.putObject("status");
        if (path.equals(ACCESS)) {
            status.put("allowed", true).put("reason", REASON);
        } else {
            ObjectNode everything = status.putArray("resourceRules").addObject();
            everything.putArray("verbs").add("*");
            everything.putArray("apiGroups").add("*");
            everything.putArray("resources").add("*");
            ObjectNode urls = status.putArray("nonResourceRules").addObject();
            urls.putArray("verbs").add("*");
            urls.putArray("nonResourceURLs").add("*");
            status.put("incomplete", false);
        }
        return answered;
    }
}
