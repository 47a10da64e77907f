package com.bpo.agent.repository;

import com.bpo.agent.domain.Agent;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AgentRepository implements PanacheRepositoryBase<Agent, String> {}
