package com.bpo.agent.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer profile of a brand. Every personal field is stored only as ciphertext under the brand's key, with the
 * brand and the field name bound in, so a value copied to another brand or column does not decrypt.
 */
@Entity
@Table(name = "customer")
@IdClass(Customer.Key.class)
public class Customer {

    @Id
    @Column(name = "brand_id", nullable = false, updatable = false)
    public String brandId;

    /** The customer's id on the brand's platforms; unique only within the brand. */
    @Id
    @Column(name = "customer_id", nullable = false, updatable = false)
    public String customerId;

    @Column(name = "name_ciphertext")
    public byte[] nameCiphertext;

    @Column(name = "phone_ciphertext")
    public byte[] phoneCiphertext;

    @Column(name = "address_ciphertext")
    public byte[] addressCiphertext;

    @Column(name = "buyer_nick_ciphertext")
    public byte[] buyerNickCiphertext;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public byte[] ciphertext(CustomerField field) {
        return switch (field) {
            case NAME -> nameCiphertext;
            case PHONE -> phoneCiphertext;
            case ADDRESS -> addressCiphertext;
            case BUYER_NICK -> buyerNickCiphertext;
        };
    }

    public void setCiphertext(CustomerField field, byte[] ciphertext) {
        switch (field) {
            case NAME -> nameCiphertext = ciphertext;
            case PHONE -> phoneCiphertext = ciphertext;
            case ADDRESS -> addressCiphertext = ciphertext;
            case BUYER_NICK -> buyerNickCiphertext = ciphertext;
        }
    }

    /** The primary key: customer ids come from the brands' platforms and are unique only within a brand. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        public String brandId;
        public String customerId;

        public Key() {}

        public Key(String brandId, String customerId) {
            this.brandId = brandId;
            this.customerId = customerId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(brandId, key.brandId)
                    && Objects.equals(customerId, key.customerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(brandId, customerId);
        }
    }
}
