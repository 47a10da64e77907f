package com.bpo.kit.tenant;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** How a service reads tenant data for a request: a tenant transaction, and the scope check on every record. */
@ApplicationScoped
public class TenantNoteService {

    private final TenantNoteRepository notes;
    private final TenantScopes scopes;

    TenantNoteService(TenantNoteRepository notes, TenantScopes scopes) {
        this.notes = notes;
        this.scopes = scopes;
    }

    @TenantTransaction
    public Uni<List<TenantNoteView>> listForBrand(String brandId) {
        return scopes.current().chain(scope -> notes.list("brandId", brandId).map(found -> found.stream()
                .filter(note -> scope.allows(note.brandId, note.vendorId, note.agentId))
                .map(TenantNoteView::of)
                .toList()));
    }

    /** The note, or {@code null} when it does not exist or is outside the caller's scope. */
    @TenantTransaction
    public Uni<TenantNoteView> find(String id) {
        return scopes.current().chain(scope -> notes.findById(id)
                .map(note -> note != null && scope.allows(note.brandId, note.vendorId, note.agentId)
                        ? TenantNoteView.of(note)
                        : null));
    }

    /** Both annotations: the tenant transaction is opened first and {@code @WithTransaction} joins it. */
    @TenantTransaction
    @WithTransaction
    public Uni<Long> countForBrand(String brandId) {
        return notes.count("brandId", brandId);
    }
}
