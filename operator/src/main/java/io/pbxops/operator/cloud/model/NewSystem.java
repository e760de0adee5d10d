package io.pbxops.operator.cloud.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Objects;
import java.util.Set;

/**
 * The body of {@code POST /systems}: the create-only fields plus the {@link SystemSettings} that can also be updated
 * later (sent flat, beside them).
 *
 * <p>Create-only, never sent on update: {@code siteId} (one site here; later links go through link/unlink),
 * {@code pbxId} (the equipment ID; generated when null; 409000 when taken), {@code activationCode} (1..256 chars;
 * a random 4-digit code when null), {@code isCentrex}, {@code isOxoManaged}. A fleet (stock-mode) OXO is declared
 * with {@code pbxId == activationCode == "<fleetRef>-<installRef>"}.
 *
 * <p>{@link #toString()} masks the activation code and the pbxId (equal to the code for a fleet PBX).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewSystem(
        String siteId,
        String pbxId,
        String activationCode,
        @JsonProperty("isCentrex") Boolean isCentrex,
        @JsonProperty("isOxoManaged") Boolean isOxoManaged,
        @JsonUnwrapped SystemSettings settings) {

    public NewSystem {
        Objects.requireNonNull(settings, "settings");
    }

    /** A system linked to one site, with a generated equipment ID and activation code. */
    public static NewSystem onSite(String siteId, SystemSettings settings) {
        return new NewSystem(siteId, null, null, null, null, settings);
    }

    public NewSystem withPbxId(String value) {
        return new NewSystem(siteId, value, activationCode, isCentrex, isOxoManaged, settings);
    }

    public NewSystem withActivationCode(String value) {
        return new NewSystem(siteId, pbxId, value, isCentrex, isOxoManaged, settings);
    }

    @Override
    public String toString() {
        return Masking.recordToString(this, Set.of("pbxId", "activationCode"));
    }
}
