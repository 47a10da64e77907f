package com.bpo.kit.tenant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;

import com.bpo.testsupport.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Token claims to principal to scope, through an endpoint shaped like a service's: another tenant's id answers 404,
 * never data; no token 401; a role the endpoint does not allow 403.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class TenantScopeEndpointTest {

    private static final String BRAND_A = "probe-brand-a";
    private static final String BRAND_B = "probe-brand-b";
    private static final String VENDOR_1 = "probe-vendor-1";
    private static final String VENDOR_2 = "probe-vendor-2";
    private static final String AGENT_1 = "probe-agent-1";
    private static final String AGENT_2 = "probe-agent-2";

    private static final String NOTE_A_V1_G1 = "probe-a-v1-g1";
    private static final String NOTE_A_V1_G2 = "probe-a-v1-g2";
    private static final String NOTE_A_V2_G2 = "probe-a-v2-g2";
    private static final String NOTE_B_V1_G1 = "probe-b-v1-g1";

    @BeforeEach
    void seedNotesAndAnEngagementOfVendorOneWithBrandA() throws SQLException {
        try (Connection app = Jdbc.asApplication()) {
            app.setAutoCommit(false);
            try (PreparedStatement scope = app.prepareStatement("select set_config('app.brand_ids', '*', true)");
                    PreparedStatement note = app.prepareStatement(
                            "insert into tenant_note (id, brand_id, vendor_id, agent_id, body) values (?, ?, ?, ?, ?)"
                                    + " on conflict (id) do nothing");
                    PreparedStatement engagement = app.prepareStatement(
                            "insert into kit_engagement (engagement_id, brand_id, vendor_id, active, state_time, event_id)"
                                    + " values ('probe-engagement', ?, ?, true, now(), 'probe-event')"
                                    + " on conflict (engagement_id) do nothing")) {
                scope.execute();
                for (List<String> row : List.of(
                        List.of(NOTE_A_V1_G1, BRAND_A, VENDOR_1, AGENT_1),
                        List.of(NOTE_A_V1_G2, BRAND_A, VENDOR_1, AGENT_2),
                        List.of(NOTE_A_V2_G2, BRAND_A, VENDOR_2, AGENT_2),
                        List.of(NOTE_B_V1_G1, BRAND_B, VENDOR_1, AGENT_1))) {
                    for (int i = 0; i < row.size(); i++) {
                        note.setString(i + 1, row.get(i));
                    }
                    note.setString(5, "note " + row.get(0));
                    note.executeUpdate();
                }
                engagement.setString(1, BRAND_A);
                engagement.setString(2, VENDOR_1);
                engagement.executeUpdate();
            }
            app.commit();
        }
    }

    @Test
    @TestSecurity(user = "anna", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(
            claims = {
                @Claim(key = "sub", value = "subject-anna"),
                @Claim(key = "azp", value = "bpo-console"),
                @Claim(key = "brand_id", value = BRAND_A)
            })
    void brandAdminTokenBecomesPrincipalAndScope() {
        JsonPath whoAmI = whoAmI();

        assertThat(whoAmI.getString("principal.subject")).isEqualTo("subject-anna");
        assertThat(whoAmI.getString("principal.username")).isEqualTo("anna");
        assertThat(whoAmI.getString("principal.clientId")).isEqualTo("bpo-console");
        assertThat(whoAmI.getList("principal.roles", String.class)).containsExactly(Roles.BRAND_ADMIN);
        assertThat(whoAmI.getString("principal.brandId")).isEqualTo(BRAND_A);
        assertThat(whoAmI.getString("principal.vendorId")).isNull();
        assertThat(whoAmI.getBoolean("scope.allBrands")).isFalse();
        assertThat(whoAmI.getList("scope.brandIds", String.class)).containsExactly(BRAND_A);
    }

    @Test
    @TestSecurity(user = "anna", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND_A))
    void brandPrincipalSeesEveryVendorsWorkForItsBrand() {
        assertThat(noteIdsOfBrand(BRAND_A)).containsExactlyInAnyOrder(NOTE_A_V1_G1, NOTE_A_V1_G2, NOTE_A_V2_G2);
        assertThat(noteStatus(NOTE_A_V2_G2)).isEqualTo(200);
    }

    @Test
    @TestSecurity(user = "anna", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND_A))
    void withTransactionInsideATenantTransactionSeesTheScope() {
        given().get("/kit-test/tenant/brands/{brandId}/note-count", BRAND_A)
                .then()
                .statusCode(200)
                .body(equalTo("3"));
        given().get("/kit-test/tenant/brands/{brandId}/note-count", BRAND_B)
                .then()
                .statusCode(404);
    }

    @Test
    @TestSecurity(user = "anna", roles = Roles.BRAND_ADMIN)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND_A))
    void anotherBrandsIdsAnswerNotFoundWithoutData() {
        given().get("/kit-test/tenant/brands/{brandId}/notes", BRAND_B)
                .then()
                .statusCode(404)
                .body(emptyOrNullString());
        given().get("/kit-test/tenant/notes/{id}", NOTE_B_V1_G1)
                .then()
                .statusCode(404)
                .body(emptyOrNullString());
    }

    @Test
    @TestSecurity(user = "victor", roles = Roles.VENDOR_SUPERVISOR)
    @OidcSecurity(claims = @Claim(key = "vendor_id", value = VENDOR_1))
    void vendorPrincipalSeesOnlyItsVendorsShareOfAnEngagedBrand() {
        assertThat(whoAmI().getList("scope.brandIds", String.class)).containsExactly(BRAND_A);

        assertThat(noteIdsOfBrand(BRAND_A)).containsExactlyInAnyOrder(NOTE_A_V1_G1, NOTE_A_V1_G2);
        assertThat(noteStatus(NOTE_A_V2_G2)).isEqualTo(404);
        assertThat(noteStatus(NOTE_B_V1_G1)).isEqualTo(404);
        given().get("/kit-test/tenant/brands/{brandId}/notes", BRAND_B).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "ada", roles = Roles.AGENT)
    @OidcSecurity(claims = {@Claim(key = "vendor_id", value = VENDOR_1), @Claim(key = "agent_id", value = AGENT_1)})
    void agentSeesOnlyItsOwnWork() {
        JsonPath whoAmI = whoAmI();
        assertThat(whoAmI.getString("principal.agentId")).isEqualTo(AGENT_1);
        assertThat(whoAmI.getString("scope.agentId")).isEqualTo(AGENT_1);

        assertThat(noteIdsOfBrand(BRAND_A)).containsExactly(NOTE_A_V1_G1);
        assertThat(noteStatus(NOTE_A_V1_G1)).isEqualTo(200);
        assertThat(noteStatus(NOTE_A_V1_G2)).isEqualTo(404);
        assertThat(noteStatus(NOTE_B_V1_G1)).isEqualTo(404);
    }

    @Test
    @TestSecurity(user = "root", roles = Roles.PLATFORM_ADMIN)
    void platformAdminSeesEveryBrand() {
        assertThat(whoAmI().getBoolean("scope.allBrands")).isTrue();
        assertThat(noteStatus(NOTE_B_V1_G1)).isEqualTo(200);
        assertThat(noteIdsOfBrand(BRAND_B)).containsExactly(NOTE_B_V1_G1);
    }

    @Test
    @TestSecurity(user = "service-account-brand-b-erp", roles = Roles.INTEGRATION)
    @OidcSecurity(claims = {@Claim(key = "azp", value = "brand-b-erp"), @Claim(key = "brand_id", value = BRAND_B)})
    void integrationClientActsForItsBrand() {
        JsonPath whoAmI = whoAmI();

        assertThat(whoAmI.getString("principal.clientId")).isEqualTo("brand-b-erp");
        assertThat(whoAmI.getList("scope.brandIds", String.class)).containsExactly(BRAND_B);
    }

    @Test
    @TestSecurity(user = "anna", roles = Roles.BRAND_ADMIN)
    void tokenWithoutTenantClaimSeesNothing() {
        assertThat(whoAmI().getList("scope.brandIds", String.class)).isEmpty();
        given().get("/kit-test/tenant/brands/{brandId}/notes", BRAND_A).then().statusCode(404);
        assertThat(noteStatus(NOTE_A_V1_G1)).isEqualTo(404);
    }

    @Test
    @TestSecurity(
            user = "mixed",
            roles = {Roles.BRAND_ADMIN, Roles.VENDOR_ADMIN})
    @OidcSecurity(claims = {@Claim(key = "brand_id", value = BRAND_A), @Claim(key = "vendor_id", value = VENDOR_1)})
    void tokenWithConflictingTenantClaimsSeesNothing() {
        given().get("/kit-test/tenant/brands/{brandId}/notes", BRAND_A).then().statusCode(404);
        assertThat(noteStatus(NOTE_A_V1_G1)).isEqualTo(404);
    }

    @Test
    void requestWithoutTokenIsUnauthorized() {
        given().get("/kit-test/tenant/whoami").then().statusCode(401);
        given().get("/kit-test/tenant/brands/{brandId}/notes", BRAND_A).then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "audrey", roles = Roles.BRAND_AUDITOR)
    @OidcSecurity(claims = @Claim(key = "brand_id", value = BRAND_A))
    void roleTheEndpointDoesNotAllowIsForbidden() {
        given().get("/kit-test/tenant/brands/{brandId}/notes", BRAND_A).then().statusCode(403);
        given().get("/kit-test/tenant/notes/{id}", NOTE_A_V1_G1).then().statusCode(403);
    }

    private static JsonPath whoAmI() {
        return given().get("/kit-test/tenant/whoami")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<String> noteIdsOfBrand(String brandId) {
        return given().get("/kit-test/tenant/brands/{brandId}/notes", brandId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id", String.class);
    }

    private static int noteStatus(String id) {
        return given().get("/kit-test/tenant/notes/{id}", id).then().extract().statusCode();
    }
}
