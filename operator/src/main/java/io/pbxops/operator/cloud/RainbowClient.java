package io.pbxops.operator.cloud;

/**
 * The typed client of the Rainbow cloud admin API for one account. Thread-safe; make one per account and share it:
 * it holds the account's token, login guard and budget.
 *
 * <pre>{@code
 * RainbowClient cloud = RainbowClient.create(RainbowClientConfig.defaults(url), CloudCredentialsSource.fromEnvironment());
 * CloudSystem pbx = cloud.systems().create(NewSystem.onSite(siteId, SystemSettings.of("acme-oxe1", "oxe", "FRA")));
 * }</pre>
 *
 * <p>Every call may throw a {@link CloudException}; the subtypes say what it means: {@link CloudNotFoundException},
 * {@link CloudConflictException}, {@link CloudForbiddenException}, {@link CloudInvalidRequestException},
 * {@link CloudCredentialsRefusedException} (stop and tell a person), {@link CloudUnavailableException} (try later).
 */
public final class RainbowClient implements AutoCloseable {

    private final RainbowClientConfig config;
    private final CloudSession session;
    private final CompanyClient companies;
    private final SiteClient sites;
    private final SystemClient systems;
    private final MediaPillarClient mediaPillars;

    private RainbowClient(RainbowClientConfig config, CloudCredentialsSource credentials) {
        this.config = config;
        CloudTransport transport = new CloudTransport(config, CloudJson.newMapper());
        this.session = new CloudSession(transport, credentials, config);
        CloudApi api = new CloudApi(transport, session);
        this.companies = new CompanyClient(api);
        this.sites = new SiteClient(api);
        this.systems = new SystemClient(api);
        this.mediaPillars = new MediaPillarClient(api);
    }

    public static RainbowClient create(RainbowClientConfig config, CloudCredentialsSource credentials) {
        return new RainbowClient(config, credentials);
    }

    public CompanyClient companies() {
        return companies;
    }

    public SiteClient sites() {
        return sites;
    }

    public SystemClient systems() {
        return systems;
    }

    public MediaPillarClient mediaPillars() {
        return mediaPillars;
    }

    /**
     * Logs in now (otherwise the first call does): a way to check the credentials at start-up.
     *
     * @throws CloudCredentialsRefusedException when refused
     */
    public void login() {
        session.token();
    }

    /** Ends the session in the cloud, if there is one. The next call logs in again. */
    public void logout() {
        session.logout();
    }

    /**
     * Lets the login guard try the same credentials again (after an administrator unlocked the account, for
     * instance). The guard otherwise waits for the credentials to change.
     */
    public void resetLoginGuard() {
        session.resetLoginGuard();
    }

    public RainbowClientConfig config() {
        return config;
    }

    /** Logs out; failures to do so are ignored (the token expires by itself). */
    @Override
    public void close() {
        try {
            session.logout();
        } catch (CloudException e) {
            // best effort
        }
    }
}
