package com.bpo.agent.rest;

import com.bpo.testsupport.SchemaOwner;
import java.util.List;
import java.util.Map;

/**
 * Organisation rows written straight to the database, as the schema owner with every brand visible, so that a test
 * can start from data its caller's role could not create. Every insert keeps an existing row.
 */
public final class Seed {

    private Seed() {}

    public static void brand(String id) {
        run(
                "insert into brand (id, brand_id, name, time_zone, active, version)"
                        + " values (?, ?, 'Brand ' || ?, 'Asia/Shanghai', true, 0) on conflict do nothing",
                id,
                id,
                id);
    }

    public static void shop(String id, String brandId) {
        run(
                "insert into shop (id, brand_id, platform, name, active, version)"
                        + " values (?, ?, 'TMALL', 'Shop ' || ?, true, 0) on conflict do nothing",
                id,
                brandId,
                id);
    }

    public static void vendor(String id) {
        run(
                "insert into vendor (id, name, active, version) values (?, 'Vendor ' || ?, true, 0) on conflict do nothing",
                id,
                id);
    }

    public static void team(String id, String vendorId) {
        run(
                "insert into team (id, vendor_id, name, active, version) values (?, ?, 'Team ' || ?, true, 0)"
                        + " on conflict do nothing",
                id,
                vendorId,
                id);
    }

    public static void agent(String id, String vendorId, String teamId) {
        run(
                "insert into agent (id, vendor_id, team_id, user_id, display_name, skills, max_concurrency, active, version)"
                        + " values (?, ?, ?, 'user-' || ?, 'Agent ' || ?, '{}', 3, true, 0) on conflict do nothing",
                id,
                vendorId,
                teamId,
                id,
                id);
    }

    /** An active engagement, also in the kit's engagement copy as if its event had been consumed. */
    public static void engagement(String id, String brandId, String vendorId) {
        engagement(id, brandId, vendorId, "{}", "{CHAT}");
    }

    /**
     * An active engagement serving {@code shopIds} (a PostgreSQL array literal; empty: every shop of the brand) on
     * {@code channels} (e.g. {@code {CHAT,PHONE}}), with a 30-second response threshold.
     */
    public static void engagement(String id, String brandId, String vendorId, String shopIds, String channels) {
        brand(brandId);
        vendor(vendorId);
        run(
                "insert into engagement (id, brand_id, vendor_id, shop_ids, channels, roles, service_hours, time_zone,"
                        + " sla_targets, response_threshold_seconds, conversion_window_days, attribution,"
                        + " service_level_seconds, abandon_short_seconds, active, version)"
                        + " values (?, ?, ?, cast(? as text[]), cast(? as text[]), '{PRE_SALES}', '{\"windows\": []}',"
                        + " 'Asia/Shanghai', '{}', 30, 1, 'LAST_REPLIER', 20, 5, true, 0) on conflict do nothing",
                id,
                brandId,
                vendorId,
                shopIds,
                channels);
        run(
                "insert into kit_engagement (engagement_id, brand_id, vendor_id, active, state_time, event_id)"
                        + " values (?, ?, ?, true, now(), 'seed') on conflict do nothing",
                id,
                brandId,
                vendorId);
    }

    /** Ends an engagement's validity window yesterday, leaving it flagged active. */
    public static void expireEngagement(String id) {
        run("update engagement set valid_to = now() - interval '1 day' where id = ?", id);
    }

    /** Runs a statement as the schema owner with every brand visible, e.g. to put a test row into a given state. */
    public static void execute(String sql, String... parameters) {
        run(sql, parameters);
    }

    /**
     * The rows of a query, as the schema owner with every brand visible: what the service stored, whatever the
     * caller of a test may see. Each row maps column labels to values as the JDBC driver reads them.
     */
    public static List<Map<String, Object>> rows(String sql, String... parameters) {
        return SchemaOwner.rows(sql, (Object[]) parameters);
    }

    private static void run(String sql, String... parameters) {
        SchemaOwner.execute(sql, (Object[]) parameters);
    }
}
