package com.bpo.kit.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The state of the outbox tests' demo application: a ticket whose opening is published through the outbox. */
@Entity
@Table(name = "outbox_demo_ticket")
public class DemoTicket extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "brand_id")
    public String brandId;

    public String type;

    public DemoTicket() {}

    DemoTicket(String id, String brandId, String type) {
        this.id = id;
        this.brandId = brandId;
        this.type = type;
    }
}
