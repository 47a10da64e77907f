package com.bpo.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static final Route AGENT =
            new Route("agent", URI.create("http://127.0.0.1:8081"), List.of("/api/v1/brands", "/api/v1/chat"));
    private static final Route ANALYTICS =
            new Route("analytics", URI.create("http://127.0.0.1:8085"), List.of("/api/v1/kpis"));
    private static final Route REPORTS =
            new Route("reports", URI.create("http://127.0.0.1:8086"), List.of("/api/v1/kpis/reports"));

    private final RouteTable table = new RouteTable(List.of(ANALYTICS, REPORTS, AGENT));

    @Test
    void prefixOwnsItselfAndEverythingBelow() {
        assertThat(table.owner("/api/v1/brands")).contains(AGENT);
        assertThat(table.owner("/api/v1/brands/brand-zongzi/shops")).contains(AGENT);
    }

    @Test
    void longestPrefixWinsWhateverTheOrderOfConfiguration() {
        assertThat(table.owner("/api/v1/kpis/csat")).contains(ANALYTICS);
        assertThat(table.owner("/api/v1/kpis/reports")).contains(REPORTS);
        assertThat(table.owner("/api/v1/kpis/reports/daily")).contains(REPORTS);
        assertThat(new RouteTable(List.of(REPORTS, ANALYTICS)).owner("/api/v1/kpis/reports/daily"))
                .contains(REPORTS);
    }

    @Test
    void prefixMatchesWholeSegmentsOnly() {
        assertThat(table.owner("/api/v1/chatter")).isEmpty();
        assertThat(table.owner("/api/v1/kpis-old")).isEmpty();
        assertThat(table.owner("/api/v1/kpis/reportsx")).contains(ANALYTICS);
    }

    @Test
    void pathNoRouteOwnsHasNoOwner() {
        assertThat(table.owner("/api/v1/tickets/t-1")).isEmpty();
        assertThat(table.owner("/api")).isEmpty();
        assertThat(table.owner("/")).isEmpty();
    }

    @Test
    void onePrefixOwnedByTwoRoutesIsAConfigurationError() {
        Route other = new Route("other", URI.create("http://127.0.0.1:9000"), List.of("/api/v1/kpis"));

        assertThatThrownBy(() -> new RouteTable(List.of(ANALYTICS, other)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/api/v1/kpis")
                .hasMessageContaining("analytics")
                .hasMessageContaining("other");
    }

    @Test
    void routesAreListedByName() {
        assertThat(table.routes()).extracting(Route::name).containsExactly("agent", "analytics", "reports");
    }
}
