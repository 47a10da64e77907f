package com.bpo.agent.domain;

import com.bpo.contracts.org.Platform;
import com.bpo.contracts.org.ShopChanged;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A brand's storefront on a sales platform. */
@Entity
@Table(name = "shop")
public class Shop {

    @Id
    public String id;

    @Column(name = "brand_id", nullable = false, updatable = false)
    public String brandId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Platform platform;

    @Column(nullable = false)
    public String name;

    /** The shop's id on its platform, when the brand gave one. */
    @Column(name = "external_shop_id")
    public String externalShopId;

    @Column(nullable = false)
    public boolean active;

    @Version
    public long version;

    public ShopChanged changed() {
        return new ShopChanged(id, brandId, platform, name, active);
    }
}
