package com.bpo.kit.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpo.kit.error.ProblemException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenantScopeTest {

    @Test
    void brandSettingIsSortedAndCommaSeparated() {
        TenantScope scope = new TenantScope(false, Set.of("b-2", "b-10", "a-1"), "vendor-1", null);

        assertThat(scope.brandSetting()).isEqualTo("a-1,b-10,b-2");
    }

    @Test
    void emptyScopeHasEmptySettingSoTheDatabaseShowsNoRows() {
        assertThat(TenantScope.none().brandSetting()).isEmpty();
        assertThat(TenantScope.none().isEmpty()).isTrue();
        assertThat(TenantScope.none().allowsBrand("brand-a")).isFalse();
    }

    @Test
    void singleBrandScopeAllowsOnlyThatBrand() {
        TenantScope scope = TenantScope.brand("brand-a");

        assertThat(scope.brandSetting()).isEqualTo("brand-a");
        assertThat(scope.allowsBrand("brand-a")).isTrue();
        assertThat(scope.allowsBrand("brand-b")).isFalse();
        assertThat(scope.allowsBrand(null)).isFalse();
    }

    @Test
    void brandIdThatWouldCorruptTheSettingIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> TenantScope.brand("a,b"));
        assertThatIllegalArgumentException().isThrownBy(() -> TenantScope.brand("*"));
        assertThatIllegalArgumentException().isThrownBy(() -> TenantScope.brand(" "));
        assertThatIllegalArgumentException().isThrownBy(() -> TenantScope.brand("brand-a "));
    }

    @Test
    void platformScopeCannotCarryRestrictions() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TenantScope(true, Set.of("brand-a"), null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new TenantScope(true, Set.of(), "vendor-1", null));
        assertThatIllegalArgumentException().isThrownBy(() -> new TenantScope(true, Set.of(), null, "agent-1"));
    }

    @Test
    void brandIdsAreCopiedSoTheScopeCannotChangeAfterwards() {
        Set<String> brands = new HashSet<>(Set.of("brand-a"));
        TenantScope scope = new TenantScope(false, brands, null, null);

        brands.add("brand-b");

        assertThat(scope.allowsBrand("brand-b")).isFalse();
    }

    @Test
    void principalNormalisesBlankClaimsToAbsent() {
        Principal principal = new Principal("sub", "user", null, null, " ", "", null);

        assertThat(principal.brandId()).isNull();
        assertThat(principal.vendorId()).isNull();
        assertThat(principal.roles()).isEmpty();
        assertThat(principal.isAnonymous()).isFalse();
        assertThat(Principal.anonymous().isAnonymous()).isTrue();
    }

    @Test
    void selectBrandTakesTheOnlyBrandOfTheScopeWhenNoneIsNamed() {
        assertThat(TenantScope.brand("brand-a").selectBrand(null)).isEqualTo("brand-a");
        assertThat(TenantScope.brand("brand-a").selectBrand("brand-a")).isEqualTo("brand-a");
    }

    @Test
    void selectBrandAnswersNullForANamedBrandOutsideTheScope() {
        assertThat(TenantScope.brand("brand-a").selectBrand("brand-b")).isNull();
        assertThat(new TenantScope(false, Set.of("brand-a", "brand-c"), "vendor-1", null).selectBrand("brand-b"))
                .isNull();
    }

    @Test
    void selectBrandNeedsANameWhenTheScopeCoversSeveralBrandsOrAll() {
        TenantScope vendor = new TenantScope(false, Set.of("brand-a", "brand-c"), "vendor-1", null);

        assertThat(vendor.selectBrand("brand-c")).isEqualTo("brand-c");
        assertThat(TenantScope.platform().selectBrand("brand-z")).isEqualTo("brand-z");
        assertThatThrownBy(() -> vendor.selectBrand(null))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.errors())
                        .extracting("field")
                        .containsExactly("brandId"));
        assertThatThrownBy(() -> TenantScope.platform().selectBrand(" ")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> TenantScope.none().selectBrand(null)).isInstanceOf(ProblemException.class);
    }
}
