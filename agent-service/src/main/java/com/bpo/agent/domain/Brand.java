package com.bpo.agent.domain;

import com.bpo.contracts.org.BrandChanged;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.ZoneId;

/** A brand (the tenant): the company whose customers are served. Its id is the {@code brand_id} of tokens. */
@Entity
@Table(name = "brand")
public class Brand {

    @Id
    public String id;

    // The same value as id, for the kit's row-level security policy, which keys on brand_id.
    @Column(name = "brand_id", nullable = false, updatable = false)
    public String brandId;

    @Column(nullable = false)
    public String name;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(nullable = false)
    public boolean active;

    @Version
    public long version;

    public static Brand create(String id, String name, ZoneId timeZone) {
        Brand brand = new Brand();
        brand.id = id;
        brand.brandId = id;
        brand.name = name;
        brand.timeZone = timeZone.getId();
        brand.active = true;
        return brand;
    }

    public BrandChanged changed() {
        return new BrandChanged(id, name, ZoneId.of(timeZone), active);
    }
}
