package com.bpo.agent.domain;

import com.bpo.contracts.org.TeamChanged;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A team of one vendor's agents. */
@Entity
@Table(name = "team")
public class Team {

    @Id
    public String id;

    @Column(name = "vendor_id", nullable = false, updatable = false)
    public String vendorId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public boolean active;

    @Version
    public long version;

    public TeamChanged changed() {
        return new TeamChanged(id, vendorId, name, active);
    }
}
