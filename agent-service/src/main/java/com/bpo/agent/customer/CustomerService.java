package com.bpo.agent.customer;

import com.bpo.contracts.pii.PiiSubjectType;
import com.bpo.kit.error.ProblemException;
import com.bpo.kit.pii.PiiCipher;
import com.bpo.kit.tenant.TenantScope;
import com.bpo.kit.tenant.TenantScopes;
import com.bpo.kit.tenant.TenantTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.StaleStateException;

/**
 * Customer profiles: stored encrypted, read masked, revealed only with a recorded purpose. Every method answers
 * {@code null} when the brand or customer is outside the caller's scope (the resource answers 404).
 *
 * <p>Who sees a profile: brand staff and systems of its brand, platform administrators, vendor staff only when their
 * vendor had a conversation or call with the customer, agents only when they wrote in a conversation with the
 * customer.
 */
@ApplicationScoped
public class CustomerService {

    private static final String UNIQUE_VIOLATION = "23505";

    private final CustomerRepository customers;
    private final ContactRepository contacts;
    private final TenantScopes scopes;
    private final PiiCipher cipher;
    private final PiiAccessAudit audit;

    CustomerService(
            CustomerRepository customers,
            ContactRepository contacts,
            TenantScopes scopes,
            PiiCipher cipher,
            PiiAccessAudit audit) {
        this.customers = customers;
        this.contacts = contacts;
        this.scopes = scopes;
        this.cipher = cipher;
        this.audit = audit;
    }

    /** A profile after a PUT, and whether the PUT created it. */
    public record StoredCustomer(CustomerView view, boolean created) {}

    /**
     * Creates or replaces the profile: every field is encrypted under the brand's key; a field left out is removed.
     *
     * @param requestedBrandId the {@code brandId} the caller named, or {@code null}
     */
    @TenantTransaction
    public Uni<StoredCustomer> store(String requestedBrandId, String customerId, CustomerRequest request) {
        Map<CustomerField, String> values = request.values();
        CustomerRules.check(values);
        Map<CustomerField, String> stripped = new EnumMap<>(CustomerField.class);
        values.forEach((field, value) -> stripped.put(field, value.strip()));
        return scopes.current().chain(scope -> {
            String brandId = scope.selectBrand(requestedBrandId);
            if (brandId == null) {
                return Uni.createFrom().nullItem();
            }
            return contacts.brandExists(brandId)
                    .chain(brandExists -> brandExists
                            ? customers
                                    .find(brandId, customerId)
                                    .chain(existing -> existing == null
                                            ? create(brandId, customerId, stripped, request.version())
                                            : replace(existing, stripped, request.version()))
                            : Uni.createFrom().nullItem());
        });
    }

    /** The profile, masked. */
    @TenantTransaction
    public Uni<CustomerView> find(String requestedBrandId, String customerId) {
        return visible(requestedBrandId, customerId)
                .map(customer -> customer == null ? null : view(customer, decrypt(customer, allFields())));
    }

    /**
     * The clear values of the requested fields. The access is recorded with the requested fields, also those the
     * profile turns out not to hold: the ledger shows every granted reveal and what was asked, so probing for data
     * is visible even where nothing was there. The answer says which fields were absent.
     */
    @TenantTransaction
    public Uni<CustomerRevealView> reveal(String requestedBrandId, String customerId, CustomerRevealRequest request) {
        Set<CustomerField> fields = requestedFields(request.fields());
        return visible(requestedBrandId, customerId).chain(customer -> {
            if (customer == null) {
                return Uni.createFrom().nullItem();
            }
            // Decrypted before the access is recorded: a value that does not decrypt fails the whole reveal, which
            // then records nothing.
            Map<CustomerField, String> clear = decrypt(customer, fields);
            Map<String, String> revealed = new LinkedHashMap<>();
            List<String> absent = new ArrayList<>();
            for (CustomerField field : fields) {
                String value = clear.get(field);
                if (value == null) {
                    absent.add(field.apiName());
                } else {
                    revealed.put(field.apiName(), value);
                }
            }
            List<String> recorded = fields.stream().map(CustomerField::apiName).toList();
            return audit.record(
                            scopes.principal(),
                            customer.brandId,
                            new PiiAccessAudit.Subject(PiiSubjectType.CUSTOMER, customerId, customerId),
                            recorded,
                            new PiiAccessAudit.Reason(request.purpose().strip(), request.ticketId()))
                    .map(accessId -> new CustomerRevealView(accessId, customer.brandId, customerId, revealed, absent));
        });
    }

    private Uni<StoredCustomer> create(
            String brandId, String customerId, Map<CustomerField, String> values, Long expectedVersion) {
        if (expectedVersion != null) {
            return Uni.createFrom()
                    .failure(ProblemException.conflict("There is no profile at version " + expectedVersion
                            + " to replace; leave version out to create the profile"));
        }
        Customer customer = new Customer();
        customer.brandId = brandId;
        customer.customerId = customerId;
        encrypt(customer, values);
        return customers
                .persistAndFlush(customer)
                .onFailure(CustomerService::isConcurrentChange)
                .transform(failure -> concurrentChange())
                .map(stored -> new StoredCustomer(view(stored, values), true));
    }

    private Uni<StoredCustomer> replace(Customer customer, Map<CustomerField, String> values, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != customer.version) {
            return Uni.createFrom()
                    .failure(ProblemException.conflict("The profile was changed since version " + expectedVersion
                            + "; it is now at " + customer.version + ": read it again"));
        }
        encrypt(customer, values);
        return customers
                .flush()
                .onFailure(CustomerService::isConcurrentChange)
                .transform(failure -> concurrentChange())
                .map(ignored -> new StoredCustomer(view(customer, values), false));
    }

    private Uni<Customer> visible(String requestedBrandId, String customerId) {
        return scopes.current().chain(scope -> {
            String brandId = scope.selectBrand(requestedBrandId);
            if (brandId == null) {
                return Uni.createFrom().nullItem();
            }
            return customers
                    .find(brandId, customerId)
                    .chain(customer -> customer == null
                            ? Uni.createFrom().nullItem()
                            : servedBy(scope, brandId, customerId).map(served -> served ? customer : null));
        });
    }

    /** Whether the scope's vendor or agent (if it is narrowed to one) served the customer. */
    private Uni<Boolean> servedBy(TenantScope scope, String brandId, String customerId) {
        if (scope.agentId() != null) {
            return scope.vendorId() == null
                    ? Uni.createFrom().item(false)
                    : contacts.servedByAgent(brandId, customerId, scope.vendorId(), scope.agentId());
        }
        if (scope.vendorId() != null) {
            return contacts.contactedByVendor(brandId, customerId, scope.vendorId());
        }
        return Uni.createFrom().item(true);
    }

    private void encrypt(Customer customer, Map<CustomerField, String> values) {
        for (CustomerField field : CustomerField.values()) {
            customer.setCiphertext(field, cipher.encrypt(customer.brandId, field.piiField(), values.get(field)));
        }
        customer.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private Map<CustomerField, String> decrypt(Customer customer, Set<CustomerField> fields) {
        Map<CustomerField, String> clear = new EnumMap<>(CustomerField.class);
        for (CustomerField field : fields) {
            String value = cipher.decrypt(customer.brandId, field.piiField(), customer.ciphertext(field));
            if (value != null) {
                clear.put(field, value);
            }
        }
        return clear;
    }

    private static CustomerView view(Customer customer, Map<CustomerField, String> clear) {
        return new CustomerView(
                customer.brandId,
                customer.customerId,
                CustomerField.NAME.mask(clear.get(CustomerField.NAME)),
                CustomerField.PHONE.mask(clear.get(CustomerField.PHONE)),
                CustomerField.ADDRESS.mask(clear.get(CustomerField.ADDRESS)),
                CustomerField.BUYER_NICK.mask(clear.get(CustomerField.BUYER_NICK)),
                clear.keySet().stream().map(CustomerField::apiName).toList(),
                customer.updatedAt,
                customer.version);
    }

    /** The named fields once each, in the order of {@link CustomerField}. */
    private static Set<CustomerField> requestedFields(List<String> apiNames) {
        Set<CustomerField> fields = EnumSet.noneOf(CustomerField.class);
        for (String apiName : apiNames) {
            fields.add(CustomerField.ofApiName(apiName)
                    .orElseThrow(() -> new IllegalArgumentException("unknown field " + apiName)));
        }
        return fields;
    }

    private static Set<CustomerField> allFields() {
        return EnumSet.allOf(CustomerField.class);
    }

    /** A concurrent create of the same profile (unique key) or a concurrent replace (version check at flush). */
    private static boolean isConcurrentChange(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException
                    || cause instanceof StaleStateException
                    || cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    || cause instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException concurrentChange() {
        return ProblemException.conflict("The profile was changed at the same time; read it again");
    }
}
