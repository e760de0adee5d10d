package io.pbxops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.pbxops.simulator.support.Http;
import io.pbxops.simulator.support.SimulatorTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AuthTest extends SimulatorTest {

    private static JsonNode claims(String token) throws Exception {
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length, "a JWT has three parts");
        return Http.JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    @Test
    void loginReturnsAJwtWithTheDocumentedClaimsAndTheLoggedInUser() throws Exception {
        Http.Response response = loginResponse("admin@pbxops.test", "pbxops-admin", "pbxops-secret");

        assertEquals(200, response.status());
        JsonNode claims = claims(response.body().get("token").asText());
        assertEquals(7200, claims.get("exp").asLong() - claims.get("iat").asLong());
        assertEquals(0, claims.get("countRenewed").asInt());
        assertEquals(5, claims.get("maxTokenRenew").asInt());
        assertEquals("admin@pbxops.test", claims.at("/user/loginEmail").asText());
        JsonNode user = response.body().get("loggedInUser");
        assertEquals(bpCompanyId, user.get("companyId").asText());
        assertEquals("bp_admin", user.get("adminType").asText());
        assertEquals("pbxops", response.body().at("/loggedInApplication/id").asText());
    }

    @Test
    void wrongApplicationSecretOrMissingHeadersAreRefused() {
        assertEquals(
                401500,
                loginResponse("admin@pbxops.test", "pbxops-admin", "wrong-secret")
                        .detailsCode());
        Http.Response bare = anonymous().get(AUTH + "/login");
        assertEquals(401, bare.status());
        assertEquals(401500, bare.detailsCode());
        assertEquals("Unauthorized", bare.body().get("errorMsg").asText());
    }

    @Test
    void fiveFailedLoginsLockTheAccountForSixtyMinutes() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertEquals(
                    401500,
                    loginResponse("admin@pbxops.test", "bad-password", "pbxops-secret")
                            .detailsCode());
        }
        assertEquals(
                401501,
                loginResponse("admin@pbxops.test", "pbxops-admin", "pbxops-secret")
                        .detailsCode(),
                "locked even with the right password");

        clock.advance(Duration.ofMinutes(59));
        assertEquals(
                401501,
                loginResponse("admin@pbxops.test", "pbxops-admin", "pbxops-secret")
                        .detailsCode());
        clock.advance(Duration.ofMinutes(2));
        assertEquals(
                200,
                loginResponse("admin@pbxops.test", "pbxops-admin", "pbxops-secret")
                        .status());
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() {
        for (int attempt = 1; attempt <= 4; attempt++) {
            loginResponse("admin@pbxops.test", "bad-password", "pbxops-secret");
        }
        login();
        for (int attempt = 1; attempt <= 4; attempt++) {
            loginResponse("admin@pbxops.test", "bad-password", "pbxops-secret");
        }
        assertEquals(
                200,
                loginResponse("admin@pbxops.test", "pbxops-admin", "pbxops-secret")
                        .status());
    }

    @Test
    void adminRoutesNeedAValidBearerToken() {
        Http.Response missing = anonymous().get(ADMIN + "/systems");
        assertEquals(401, missing.status());
        assertEquals(401523, missing.detailsCode());

        Http.Response forged = anonymous()
                .bearer("eyJhbGciOiJIUzI1NiJ9.eyJqdGkiOjF9.c2lnbmF0dXJl")
                .get(ADMIN + "/systems");
        assertEquals(401523, forged.detailsCode());

        assertEquals(200, cloud.get(ADMIN + "/systems").status());
    }

    @Test
    void tokensExpireAfterTheirLifetime() {
        clock.advance(Duration.ofSeconds(7199));
        assertEquals(200, cloud.get(ADMIN + "/systems").status());
        clock.advance(Duration.ofSeconds(2));

        Http.Response expired = cloud.get(ADMIN + "/systems");
        assertEquals(401, expired.status());
        assertEquals(401523, expired.detailsCode());
        assertEquals(7200, expired.body().at("/errorDetails/timeToLive").asLong());
    }

    @Test
    void renewGivesAFreshLifetimeUpToFiveTimes() throws Exception {
        String token = login();
        for (int renewal = 1; renewal <= 5; renewal++) {
            clock.advance(Duration.ofSeconds(3600));
            Http.Response renewed = anonymous().bearer(token).get(AUTH + "/renew");
            assertEquals(200, renewed.status(), () -> "renew: " + renewed.body());
            token = renewed.body().get("token").asText();
            assertEquals(renewal, claims(token).get("countRenewed").asInt());
        }
        clock.advance(Duration.ofSeconds(3600));
        assertEquals(
                200, anonymous().bearer(token).get(ADMIN + "/systems").status(), "the last renewal is still valid");
        Http.Response sixth = anonymous().bearer(token).get(AUTH + "/renew");
        assertEquals(401, sixth.status());
        assertEquals(401523, sixth.detailsCode());
    }

    @Test
    void logoutInvalidatesTheToken() {
        String token = login();
        Http.Response logout = anonymous().bearer(token).get(AUTH + "/logout");
        assertEquals(200, logout.status());
        assertEquals(
                "User admin@pbxops.test successfully logged out",
                logout.body().get("status").asText());
        assertEquals(401523, anonymous().bearer(token).get(ADMIN + "/systems").detailsCode());
    }

    @Test
    void theControlHookExpiresEveryIssuedTokenButNotLaterOnes() {
        sim.control().expireTokens();
        assertEquals(401523, cloud.get(ADMIN + "/systems").detailsCode());
        assertEquals(200, anonymous().bearer(login()).get(ADMIN + "/systems").status());
    }

    @Test
    void aTokenLifetimeFaultShortensNewTokens() throws Exception {
        sim.control().updateFaults(FaultTarget.CLOUD, faults -> faults.withTokenTtlSeconds(30L));
        String token = login();
        JsonNode claims = claims(token);
        assertEquals(30, claims.get("exp").asLong() - claims.get("iat").asLong());
        clock.advance(Duration.ofSeconds(31));
        assertEquals(401523, anonymous().bearer(token).get(ADMIN + "/systems").detailsCode());
        assertEquals(200, cloud.get(ADMIN + "/systems").status(), "a token issued before the fault keeps its lifetime");
    }
}
