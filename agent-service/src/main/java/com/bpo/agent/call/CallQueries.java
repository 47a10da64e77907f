package com.bpo.agent.call;

import com.bpo.kit.tenant.TenantConnections;
import com.bpo.kit.tenant.TenantScopes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Reading calls back, within the caller's scope: 404 (a null item) for anything outside it. */
@ApplicationScoped
public class CallQueries {

    private final TenantScopes scopes;
    private final TenantConnections connections;

    CallQueries(TenantScopes scopes, TenantConnections connections) {
        this.scopes = scopes;
        this.connections = connections;
    }

    public Uni<CallView> find(String requestedBrandId, String callId) {
        return scopes.current().chain(scope -> {
            String brandId = scope.selectBrand(requestedBrandId);
            if (brandId == null) {
                return Uni.createFrom().nullItem();
            }
            return connections.inScope(scope, transaction -> transaction
                    .preparedQuery("select * from call where brand_id = $1 and call_id = $2")
                    .execute(Tuple.of(brandId, callId))
                    .map(rows -> {
                        Row row = rows.iterator().hasNext() ? rows.iterator().next() : null;
                        return row != null
                                        && scope.allows(brandId, row.getString("vendor_id"), row.getString("agent_id"))
                                ? CallView.of(row)
                                : null;
                    }));
        });
    }
}
