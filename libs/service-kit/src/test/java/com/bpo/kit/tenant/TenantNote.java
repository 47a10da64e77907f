package com.bpo.kit.tenant;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant table of the test application, isolated by the kit's row-level security policy. */
@Entity
@Table(name = "tenant_note")
public class TenantNote extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "brand_id", nullable = false)
    public String brandId;

    @Column(name = "vendor_id")
    public String vendorId;

    @Column(name = "agent_id")
    public String agentId;

    @Column(nullable = false)
    public String body;

    public static TenantNote of(String id, String brandId, String vendorId, String agentId, String body) {
        TenantNote note = new TenantNote();
        note.id = id;
        note.brandId = brandId;
        note.vendorId = vendorId;
        note.agentId = agentId;
        note.body = body;
        return note;
    }
}
