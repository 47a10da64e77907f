package com.bpo.kit.org;

import com.bpo.contracts.EventPayload;
import com.bpo.contracts.org.AgentChanged;
import com.bpo.contracts.org.BrandChanged;
import com.bpo.contracts.org.EngagementChanged;
import com.bpo.contracts.org.ShopChanged;
import com.bpo.contracts.org.TeamChanged;
import com.bpo.contracts.org.VendorChanged;
import java.util.Optional;

/**
 * The kinds of organisation aggregate on {@code org.events}, each with the key prefix of its records
 * ({@code engagement:e-1}) and the payload record of its state; {@link #key()} is the {@code kind} column of
 * {@code kit_org_state}.
 */
public enum OrgKind {
    BRAND("brand", BrandChanged.class),
    SHOP("shop", ShopChanged.class),
    VENDOR("vendor", VendorChanged.class),
    TEAM("team", TeamChanged.class),
    AGENT("agent", AgentChanged.class),
    ENGAGEMENT("engagement", EngagementChanged.class);

    private final String key;
    private final Class<? extends EventPayload> payloadType;

    OrgKind(String key, Class<? extends EventPayload> payloadType) {
        this.key = key;
        this.payloadType = payloadType;
    }

    /** The key prefix on {@code org.events} and the {@code kind} column: {@code brand}, {@code shop}, ... */
    public String key() {
        return key;
    }

    /** The payload record that carries this kind's state. */
    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    /** The kind whose state {@code payload} is, or empty for any other event. */
    public static Optional<OrgKind> of(EventPayload payload) {
        for (OrgKind kind : values()) {
            if (kind.payloadType.isInstance(payload)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /**
     * The kind whose state {@code type} carries.
     *
     * @throws IllegalArgumentException if {@code type} is not an organisation state
     */
    public static OrgKind ofPayloadType(Class<? extends EventPayload> type) {
        for (OrgKind kind : values()) {
            if (kind.payloadType.equals(type)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("not an organisation state: " + type.getName());
    }

    /** The kind of a record key of {@code org.events} ({@code shop:s-1}), or empty for a key of no known kind. */
    public static Optional<OrgKind> ofRecordKey(String recordKey) {
        if (recordKey == null) {
            return Optional.empty();
        }
        int colon = recordKey.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String prefix = recordKey.substring(0, colon);
        for (OrgKind kind : values()) {
            if (kind.key.equals(prefix)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The aggregate id of a record key of this kind: {@code s-1} of {@code shop:s-1}. */
    public String idOfRecordKey(String recordKey) {
        String prefix = key + ":";
        if (recordKey == null || !recordKey.startsWith(prefix)) {
            throw new IllegalArgumentException("not a record key of kind " + key + ": " + recordKey);
        }
        return recordKey.substring(prefix.length());
    }
}
