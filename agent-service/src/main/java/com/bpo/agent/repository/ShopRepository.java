package com.bpo.agent.repository;

import com.bpo.agent.domain.Shop;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ShopRepository implements PanacheRepositoryBase<Shop, String> {}
