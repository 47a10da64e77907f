package com.bpo.agent.repository;

import com.bpo.agent.domain.Vendor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class VendorRepository implements PanacheRepositoryBase<Vendor, String> {}
