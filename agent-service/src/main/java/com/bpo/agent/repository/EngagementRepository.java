package com.bpo.agent.repository;

import com.bpo.agent.domain.Engagement;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class EngagementRepository implements PanacheRepositoryBase<Engagement, String> {}
