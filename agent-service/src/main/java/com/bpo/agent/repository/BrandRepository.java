package com.bpo.agent.repository;

import com.bpo.agent.domain.Brand;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class BrandRepository implements PanacheRepositoryBase<Brand, String> {}
