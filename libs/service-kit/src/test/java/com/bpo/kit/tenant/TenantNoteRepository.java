package com.bpo.kit.tenant;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class TenantNoteRepository implements PanacheRepositoryBase<TenantNote, String> {}
