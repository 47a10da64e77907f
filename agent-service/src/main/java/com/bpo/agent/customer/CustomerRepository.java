package com.bpo.agent.customer;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, Customer.Key> {

    public Uni<Customer> find(String brandId, String customerId) {
        return findById(new Customer.Key(brandId, customerId));
    }
}
