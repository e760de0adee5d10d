package io.pbxops.operator.cloud;

/**
 * Every name of the cloud API that the project had to invent, because no public contract shows it.
 *
 * <p>The simulator uses the same names; both sides follow {@code simulator/EXTENSIONS.md}. If the real Rainbow API
 * turns out to differ, this class (and the records that reference its constants) is the only place to change.
 * Section numbers below refer to that file. Names the public contract documents (docs/cloud-contract.md) are not here.
 */
public final class CloudExtensions {

    // ---- §1.1 the system's extension object -------------------------------------------------------------------

    /** The one nested object of a system that holds the PBX settings no public API shows. */
    public static final String SYSTEM_EXTENSION = "x-pbxops";

    /** {@code omnipcx-enterprise} | {@code oxo-connect} | {@code oxo-connect-evolution}. */
    public static final String MODEL = "model";

    public static final String MODEL_OMNIPCX_ENTERPRISE = "omnipcx-enterprise";
    public static final String MODEL_OXO_CONNECT = "oxo-connect";
    public static final String MODEL_OXO_CONNECT_EVOLUTION = "oxo-connect-evolution";

    /** Information tab: the public number of the customer company. */
    public static final String INSTALLATION_NUMBER = "installationNumber";
    /** OmniPCX Enterprise only. */
    public static final String SECRET_IDENTITY = "secretIdentity";
    /** Read-only: the state of secret identity in the PBX's main entity. */
    public static final String SECRET_IDENTITY_ACTIVE = "secretIdentityActive";
    /** OmniPCX Enterprise only: mobiles use the PBX for emergency calls. */
    public static final String EMERGENCY_THROUGH_PBX = "emergencyThroughPbx";

    public static final String WEB_RTC = "webRtc";
    public static final String WEB_RTC_ENABLED = "enabled";
    public static final String WEB_RTC_LICENSE_ACCEPTED = "licenseAccepted";

    public static final String CONFERENCE = "conference";
    public static final String CONFERENCE_CALL_PHONE_NUMBERS = "callPhoneNumbers";
    public static final String CONFERENCE_PARTICIPATE_FROM_DESK_PHONE = "participateFromDeskPhone";

    /** CCD agent settings, OmniPCX Enterprise only. */
    public static final String CCD = "ccd";

    public static final String CCD_WITHDRAW_WHEN_BUSY = "withdrawWhenBusy";
    public static final String CCD_IGNORE_PBX_CALLS_IN_DND = "ignorePbxCallsInDnd";
    public static final String CCD_WITHDRAW_IN_DND = "withdrawInDnd";
    public static final String CCD_WITHDRAW_REASON = "withdrawReason";

    // ---- §1.2 WebRTC gateways ("media pillars") ---------------------------------------------------------------

    /** Collection path under the admin base {@code /api/rainbow/admin/v1.0}. */
    public static final String MEDIA_PILLARS_PATH = "/x-pbxops/mediapillars";
    /** One gateway, {@code {mediaPillarId}} being the gateway's id. */
    public static final String MEDIA_PILLAR_PATH = MEDIA_PILLARS_PATH + "/{mediaPillarId}";

    public static final String MP_ID = "id";
    public static final String MP_PBX_ID = "pbxId";
    public static final String MP_SYSTEM_ID = "systemId";
    public static final String MP_NAME = "name";
    public static final String MP_TYPE = "type";
    public static final String MP_ADDRESS = "address";
    public static final String MP_VOICE_CHANNELS = "voiceChannels";
    /** Write-only on create/update: a catalogue version or {@link #MP_VERSION_LATEST}. */
    public static final String MP_SOFTWARE_VERSION = "softwareVersion";

    public static final String MP_RUNNING_VERSION = "runningVersion";
    public static final String MP_AVAILABLE_VERSION = "availableVersion";
    public static final String MP_TARGET_VERSION = "targetVersion";
    public static final String MP_STATE = "state";
    public static final String MP_MAINTENANCE = "maintenance";
    public static final String MP_DEFAULT_ROUTE = "defaultRoute";
    public static final String MP_CREATION_DATE = "creationDate";

    public static final String MP_TYPE_CLOUD = "cloud";
    public static final String MP_TYPE_INTERNAL = "internal";
    public static final String MP_TYPE_EXTERNAL = "external";
    public static final String MP_VERSION_LATEST = "latest";
    public static final String MP_STATE_ONLINE = "online";
    public static final String MP_STATE_UPGRADING = "upgrading";
    public static final String MP_STATE_MAINTENANCE = "maintenance";

    /** 403: creating a gateway on a system whose {@code x-pbxops.webRtc.enabled} is not true. */
    public static final int ERROR_WEBRTC_NOT_ACTIVATED = 403040;
    /** 403: an {@code internal} gateway on anything but OXO Connect Evolution. */
    public static final int ERROR_INTERNAL_GATEWAY_NOT_ALLOWED = 403041;

    // ---- §1.3 connection state vocabulary [assumed] ----------------------------------------------------------

    public static final String CHANNEL_UP = "up";
    public static final String CHANNEL_DOWN = "down";
    public static final String EVENT_ACTIVATION_REFUSED = "activationRefused";
    public static final String EVENT_ACTIVATED = "activated";
    public static final String EVENT_RESET = "reset";

    private CloudExtensions() {}
}
