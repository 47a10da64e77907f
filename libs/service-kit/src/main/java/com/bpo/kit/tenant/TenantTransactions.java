package com.bpo.kit.tenant;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Runs a unit of work in ONE reactive transaction whose first statement sets the tenant scope for PostgreSQL's
 * row-level security: {@code select set_config('app.brand_ids', <brands>, true)}.
 *
 * <p>The setting is transaction-local, so it ends with the commit or rollback and a pooled connection carries nothing
 * into the next transaction. The work runs in the same Hibernate Reactive session and transaction as the setting:
 * Panache repositories, {@code Panache.withTransaction}, {@code @WithTransaction} methods and
 * {@code Mutiny.SessionFactory.withTransaction} called inside it all join it.
 *
 * <p>A tenant transaction must be the outermost transaction of its Vert.x context. Inside one, another tenant
 * transaction for the same scope joins it; one for a different scope fails, and so does a tenant transaction
 * started inside a transaction opened without a scope (its earlier statements ran with no rows visible, which is
 * always a mistake worth seeing).
 */
@ApplicationScoped
public class TenantTransactions {

    private static final String SET_SCOPE = "select set_config('app.brand_ids', :brandIds, true)";

    // The scope setting of the tenant transaction open in a Vert.x context, to let nested calls join it.
    private static final String OPEN_SCOPE = TenantTransactions.class.getName() + ".open-scope";

    private final Mutiny.SessionFactory sessionFactory;
    private final TenantScopes scopes;

    TenantTransactions(Mutiny.SessionFactory sessionFactory, TenantScopes scopes) {
        this.sessionFactory = sessionFactory;
        this.scopes = scopes;
    }

    /** Runs {@code work} for the current request's principal, with its scope (resolved before the transaction). */
    public <T> Uni<T> inCurrentScope(Function<TenantScope, Uni<T>> work) {
        return scopes.current().chain(scope -> inScope(scope, () -> work.apply(scope)));
    }

    /** Runs {@code work} for one brand: a consumer processing an event of that brand, a job for one tenant. */
    public <T> Uni<T> forBrand(String brandId, Supplier<Uni<T>> work) {
        return inScope(TenantScope.brand(brandId), work);
    }

    /** Runs {@code work} with every brand visible: platform administration and platform-wide jobs only. */
    public <T> Uni<T> forPlatform(Supplier<Uni<T>> work) {
        return inScope(TenantScope.platform(), work);
    }

    /** Runs {@code work} with the brands of {@code scope} visible; an empty scope sees no rows and may write none. */
    public <T> Uni<T> inScope(TenantScope scope, Supplier<Uni<T>> work) {
        String brandIds = scope.brandSetting();
        return Uni.createFrom().deferred(() -> {
            Context context = Vertx.currentContext();
            if (context == null) {
                return refused("A tenant transaction needs a Vert.x context");
            }
            String open = context.getLocal(OPEN_SCOPE);
            if (open != null) {
                return open.equals(brandIds)
                        ? work.get()
                        : refused("A tenant transaction for another scope is already open in this context");
            }
            Mutiny.Session session = sessionFactory.getCurrentSession();
            if (session != null && session.isOpen() && session.currentTransaction() != null) {
                return refused(
                        "A transaction without tenant scope is already open: start the tenant transaction first");
            }
            context.putLocal(OPEN_SCOPE, brandIds);
            return sessionFactory
                    .withTransaction(current -> current.createNativeQuery(SET_SCOPE)
                            .setParameter("brandIds", brandIds)
                            .getSingleResult()
                            .chain(ignored -> work.get()))
                    .eventually(() -> context.removeLocal(OPEN_SCOPE));
        });
    }

    private static <T> Uni<T> refused(String reason) {
        return Uni.createFrom().failure(new IllegalStateException(reason));
    }
}
