package io.pbxops.simulator;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * An OXO Connect PBX: the body of {@code POST /sim/v1/oxo}. A {@code stock} (fleet) OXO starts with
 * {@code pabxId = activationCode = equipmentId} and Rainbow enabled; a {@code btco} one waits for the installer step.
 */
public record OxoSpec(String serial, Mode mode, String equipmentId) {

    public enum Mode {
        STOCK,
        BTCO;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Mode fromWire(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    public OxoSpec {
        if (serial == null || serial.isBlank()) {
            throw new IllegalArgumentException("serial is required");
        }
        if (mode == null) {
            throw new IllegalArgumentException("mode is required: stock or btco");
        }
        if (mode == Mode.STOCK && (equipmentId == null || equipmentId.isBlank())) {
            throw new IllegalArgumentException("a stock OXO needs its equipmentId (<fleetRef>-<installRef>)");
        }
    }
}
