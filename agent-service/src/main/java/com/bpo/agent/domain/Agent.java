package com.bpo.agent.domain;

import com.bpo.contracts.org.AgentChanged;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;

/** A vendor employee who serves customers, linked to the person's Keycloak user. */
@Entity
@Table(name = "agent")
public class Agent {

    @Id
    public String id;

    @Column(name = "vendor_id", nullable = false, updatable = false)
    public String vendorId;

    @Column(name = "team_id", nullable = false)
    public String teamId;

    /** The Keycloak user id (token subject) or username. */
    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(nullable = false)
    public String[] skills;

    @Column(name = "max_concurrency", nullable = false)
    public int maxConcurrency;

    @Column(nullable = false)
    public boolean active;

    @Version
    public long version;

    public AgentChanged changed() {
        return new AgentChanged(id, vendorId, teamId, userId, displayName, List.of(skills), maxConcurrency, active);
    }
}
