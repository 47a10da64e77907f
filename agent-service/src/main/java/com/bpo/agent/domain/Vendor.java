package com.bpo.agent.domain;

import com.bpo.contracts.org.VendorChanged;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An outsourcing company that employs agents and serves brands. Its id is the {@code vendor_id} of tokens. */
@Entity
@Table(name = "vendor")
public class Vendor {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public boolean active;

    @Version
    public long version;

    public VendorChanged changed() {
        return new VendorChanged(id, name, active);
    }
}
