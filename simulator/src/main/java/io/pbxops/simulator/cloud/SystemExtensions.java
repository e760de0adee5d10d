package io.pbxops.simulator.cloud;

/**
 * The {@code x-pbxops} object of a system: admin-UI settings no public API shows (EXTENSIONS.md §1.1).
 * {@code secretIdentityActive} is not here: it is read-only, set by the PBX, and kept on the system.
 */
record SystemExtensions(
        String model,
        String installationNumber,
        Boolean secretIdentity,
        Boolean emergencyThroughPbx,
        WebRtc webRtc,
        Conference conference,
        Ccd ccd) {

    record WebRtc(Boolean enabled, Boolean licenseAccepted) {}

    record Conference(Boolean callPhoneNumbers, Boolean participateFromDeskPhone) {}

    record Ccd(Boolean withdrawWhenBusy, Boolean ignorePbxCallsInDnd, Boolean withdrawInDnd, Integer withdrawReason) {}

    static SystemExtensions forCreate(String type) {
        String model = switch (type) {
            case "oxe" -> "omnipcx-enterprise";
            case "oxo" -> "oxo-connect";
            default -> null;
        };
        return new SystemExtensions(
                model, null, false, false, new WebRtc(false, false), new Conference(false, false), null);
    }

    boolean webRtcEnabled() {
        return webRtc != null && isTrue(webRtc.enabled());
    }

    void validate(String type, Violations violations) {
        String p = "x-pbxops.";
        violations.check(
                model == null || Enums.in(Enums.MODELS, model),
                p + "model",
                "model must be omnipcx-enterprise, oxo-connect or oxo-connect-evolution",
                model);
        if (Enums.in(Enums.MODELS, model) && ("oxe".equals(type) || "oxo".equals(type))) {
            violations.check(
                    "oxe".equals(type) == "omnipcx-enterprise".equals(model),
                    p + "model",
                    "model omnipcx-enterprise goes with type oxe, the OXO models with type oxo",
                    model);
        }
        if (conference != null && isTrue(conference.callPhoneNumbers())) {
            violations.check(
                    installationNumber != null && !installationNumber.isBlank(),
                    p + "conference.callPhoneNumbers",
                    "Calling phone numbers from a conference needs the installationNumber",
                    true);
        }
        if (webRtc != null && isTrue(webRtc.enabled())) {
            violations.check(
                    isTrue(webRtc.licenseAccepted()),
                    p + "webRtc.licenseAccepted",
                    "The WebRTC gateway licence must be accepted to enable it",
                    webRtc.licenseAccepted());
        }
        boolean oxe = "oxe".equals(type);
        violations.check(
                oxe || !isTrue(secretIdentity),
                p + "secretIdentity",
                "secretIdentity is for type oxe only",
                secretIdentity);
        violations.check(
                oxe || !isTrue(emergencyThroughPbx),
                p + "emergencyThroughPbx",
                "emergencyThroughPbx is for type oxe only",
                emergencyThroughPbx);
        if (ccd != null) {
            violations.check(oxe, p + "ccd", "ccd settings are for type oxe only", null);
            Integer reason = ccd.withdrawReason();
            violations.check(
                    reason == null || (reason >= 0 && reason <= 9),
                    p + "ccd.withdrawReason",
                    "withdrawReason must be within 0..9",
                    reason);
            boolean withdraws = isTrue(ccd.withdrawWhenBusy()) || isTrue(ccd.withdrawInDnd());
            violations.check(
                    !withdraws || reason != null,
                    p + "ccd.withdrawReason",
                    "withdrawReason is required when a withdraw is on",
                    reason);
        }
    }

    static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
