package com.bpo.kit.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeRuleTest {

    private static final Set<String> SERVED = Set.of("brand-a", "brand-b");

    private static Principal principal(Set<String> roles, String brandId, String vendorId, String agentId) {
        return new Principal("sub-1", "user", "console", roles, brandId, vendorId, agentId);
    }

    @Test
    void platformAdminSeesEveryBrand() {
        TenantScope scope = ScopeRule.resolve(principal(Set.of(Roles.PLATFORM_ADMIN), null, null, null), Set.of());

        assertThat(scope.allBrands()).isTrue();
        assertThat(scope.allowsBrand("any-brand")).isTrue();
        assertThat(scope.allows("any-brand", "any-vendor", "any-agent")).isTrue();
        assertThat(scope.brandSetting()).isEqualTo("*");
    }

    @Test
    void platformAdminWinsOverTenantClaimsAndNeedsNoEngagements() {
        Principal admin = principal(Set.of(Roles.PLATFORM_ADMIN, Roles.AGENT), "brand-a", "vendor-1", "agent-1");

        assertThat(ScopeRule.needsEngagements(admin)).isFalse();
        assertThat(ScopeRule.resolve(admin, Set.of())).isEqualTo(TenantScope.platform());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {Roles.BRAND_ADMIN, Roles.BRAND_ANALYST, Roles.BRAND_AUDITOR, Roles.INTEGRATION, Roles.QA_REVIEWER
            })
    void brandSideRoleWithBrandClaimSeesExactlyThatBrand(String role) {
        Principal principal = principal(Set.of(role), "brand-a", null, null);

        TenantScope scope = ScopeRule.resolve(principal, SERVED);

        assertThat(ScopeRule.needsEngagements(principal)).isFalse();
        assertThat(scope.allBrands()).isFalse();
        assertThat(scope.brandIds()).containsExactly("brand-a");
        assertThat(scope.vendorId()).isNull();
        assertThat(scope.agentId()).isNull();
        assertThat(scope.allowsBrand("brand-b")).isFalse();
    }

    @Test
    void brandPrincipalSeesEveryVendorsWorkForItsBrand() {
        TenantScope scope = ScopeRule.resolve(principal(Set.of(Roles.BRAND_ADMIN), "brand-a", null, null), Set.of());

        assertThat(scope.allows("brand-a", "vendor-1", "agent-1")).isTrue();
        assertThat(scope.allows("brand-a", "vendor-2", null)).isTrue();
        assertThat(scope.allows("brand-b", "vendor-1", "agent-1")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.BRAND_ADMIN, Roles.BRAND_ANALYST, Roles.BRAND_AUDITOR, Roles.INTEGRATION})
    void brandSideRoleWithoutBrandClaimSeesNothing(String role) {
        assertThat(ScopeRule.resolve(principal(Set.of(role), null, null, null), SERVED))
                .isEqualTo(TenantScope.none());
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.BRAND_ADMIN, Roles.INTEGRATION})
    void brandSideRoleWithOnlyVendorClaimSeesNothing(String role) {
        Principal principal = principal(Set.of(role), null, "vendor-1", null);

        assertThat(ScopeRule.needsEngagements(principal)).isFalse();
        assertThat(ScopeRule.resolve(principal, SERVED).isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.VENDOR_ADMIN, Roles.VENDOR_SUPERVISOR, Roles.QA_REVIEWER})
    void vendorSideRoleSeesTheBrandsItsVendorServes(String role) {
        Principal principal = principal(Set.of(role), null, "vendor-1", null);

        TenantScope scope = ScopeRule.resolve(principal, SERVED);

        assertThat(ScopeRule.needsEngagements(principal)).isTrue();
        assertThat(scope.brandIds()).containsExactlyInAnyOrder("brand-a", "brand-b");
        assertThat(scope.vendorId()).isEqualTo("vendor-1");
        assertThat(scope.agentId()).isNull();
        assertThat(scope.brandSetting()).isEqualTo("brand-a,brand-b");
    }

    @Test
    void vendorPrincipalSeesOnlyItsVendorsShareOfAServedBrand() {
        TenantScope scope =
                ScopeRule.resolve(principal(Set.of(Roles.VENDOR_SUPERVISOR), null, "vendor-1", null), SERVED);

        assertThat(scope.allowsBrand("brand-a")).isTrue();
        assertThat(scope.allows("brand-a", "vendor-1", "agent-9")).isTrue();
        assertThat(scope.allows("brand-a", "vendor-2", "agent-9")).isFalse();
        assertThat(scope.allows("brand-a", null, null)).isFalse();
        assertThat(scope.allows("brand-c", "vendor-1", "agent-9")).isFalse();
    }

    @Test
    void vendorWithoutActiveEngagementSeesNothing() {
        TenantScope scope = ScopeRule.resolve(principal(Set.of(Roles.VENDOR_ADMIN), null, "vendor-1", null), Set.of());

        assertThat(scope.isEmpty()).isTrue();
        assertThat(scope.allowsBrand("brand-a")).isFalse();
        assertThat(scope.brandSetting()).isEmpty();
    }

    @Test
    void vendorRoleWithoutVendorClaimSeesNothing() {
        Principal principal = principal(Set.of(Roles.VENDOR_ADMIN), null, null, null);

        assertThat(ScopeRule.needsEngagements(principal)).isFalse();
        assertThat(ScopeRule.resolve(principal, SERVED)).isEqualTo(TenantScope.none());
    }

    @Test
    void vendorRoleWithOnlyBrandClaimSeesNothing() {
        assertThat(ScopeRule.resolve(principal(Set.of(Roles.VENDOR_ADMIN), "brand-a", null, null), SERVED)
                        .isEmpty())
                .isTrue();
    }

    @Test
    void agentSeesOnlyItsOwnWorkInServedBrands() {
        Principal agent = principal(Set.of(Roles.AGENT), null, "vendor-1", "agent-1");

        TenantScope scope = ScopeRule.resolve(agent, SERVED);

        assertThat(ScopeRule.needsEngagements(agent)).isTrue();
        assertThat(scope.brandIds()).containsExactlyInAnyOrder("brand-a", "brand-b");
        assertThat(scope.vendorId()).isEqualTo("vendor-1");
        assertThat(scope.agentId()).isEqualTo("agent-1");
        assertThat(scope.allows("brand-a", "vendor-1", "agent-1")).isTrue();
        assertThat(scope.allows("brand-a", "vendor-1", "agent-2")).isFalse();
        assertThat(scope.allows("brand-a", "vendor-1", null)).isFalse();
    }

    @Test
    void agentWithoutAgentClaimSeesNothing() {
        Principal agent = principal(Set.of(Roles.AGENT), null, "vendor-1", null);

        assertThat(ScopeRule.needsEngagements(agent)).isFalse();
        assertThat(ScopeRule.resolve(agent, SERVED)).isEqualTo(TenantScope.none());
    }

    @Test
    void agentWhoIsAlsoSupervisorSeesTheVendorsShare() {
        TenantScope scope = ScopeRule.resolve(
                principal(Set.of(Roles.AGENT, Roles.VENDOR_SUPERVISOR), null, "vendor-1", "agent-1"), SERVED);

        assertThat(scope.agentId()).isNull();
        assertThat(scope.allows("brand-a", "vendor-1", "agent-2")).isTrue();
    }

    @Test
    void tokenWithNoTenantClaimSeesNothing() {
        TenantScope scope = ScopeRule.resolve(
                principal(Set.of(Roles.BRAND_ADMIN, Roles.VENDOR_ADMIN, Roles.AGENT), null, null, null), SERVED);

        assertThat(scope).isEqualTo(TenantScope.none());
        assertThat(scope.isEmpty()).isTrue();
    }

    @Test
    void tokenWithoutAnyPlatformRoleSeesNothing() {
        Principal principal = principal(Set.of("offline_access", "uma_authorization"), "brand-a", null, null);

        assertThat(ScopeRule.resolve(principal, SERVED)).isEqualTo(TenantScope.none());
    }

    @Test
    void anonymousCallerSeesNothing() {
        assertThat(ScopeRule.resolve(Principal.anonymous(), SERVED)).isEqualTo(TenantScope.none());
        assertThat(ScopeRule.needsEngagements(Principal.anonymous())).isFalse();
    }

    @Test
    void conflictingBrandAndVendorClaimsSeeNothing() {
        Principal both = principal(Set.of(Roles.BRAND_ADMIN, Roles.VENDOR_ADMIN), "brand-a", "vendor-1", null);

        assertThat(ScopeRule.needsEngagements(both)).isFalse();
        assertThat(ScopeRule.resolve(both, SERVED)).isEqualTo(TenantScope.none());
    }

    @Test
    void conflictingClaimsOnAQaReviewerSeeNothing() {
        Principal reviewer = principal(Set.of(Roles.QA_REVIEWER), "brand-a", "vendor-1", null);

        assertThat(ScopeRule.resolve(reviewer, SERVED).isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"brand-a,brand-b", "*", " brand-a"})
    void brandClaimThatCouldWidenTheDatabaseSettingSeesNothing(String claim) {
        TenantScope scope = ScopeRule.resolve(principal(Set.of(Roles.BRAND_ADMIN), claim, null, null), Set.of());

        assertThat(scope).isEqualTo(TenantScope.none());
        assertThat(scope.brandSetting()).isEmpty();
    }

    @Test
    void servedBrandThatCannotBeABrandIdIsDropped() {
        TenantScope scope = ScopeRule.resolve(
                principal(Set.of(Roles.VENDOR_ADMIN), null, "vendor-1", null), Set.of("brand-a", "*", "x,y"));

        assertThat(scope.brandIds()).containsExactly("brand-a");
    }

    @Test
    void missingEngagementSetCountsAsNoEngagement() {
        TenantScope scope = ScopeRule.resolve(principal(Set.of(Roles.VENDOR_ADMIN), null, "vendor-1", null), null);

        assertThat(scope.isEmpty()).isTrue();
        assertThat(scope.vendorId()).isEqualTo("vendor-1");
    }
}
