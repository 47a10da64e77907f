package com.bpo.agent.rest;

import com.bpo.testsupport.InfraTestResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Organisation rows written straight to the database, as the schema owner with every brand visible, so that a test
 * can start from data its caller's role could not create. Every insert keeps an existing row.
 */
final class Seed {

    private Seed() {}

    static void brand(String id) {
        run(
                "insert into brand (id, brand_id, name, time_zone, active, version)"
                        + " values (?, ?, 'Brand ' || ?, 'Asia/Shanghai', true, 0) on conflict do nothing",
                id,
                id,
                id);
    }

    static void shop(String id, String brandId) {
        run(
                "insert into shop (id, brand_id, platform, name, active, version)"
                        + " values (?, ?, 'TMALL', 'Shop ' || ?, true, 0) on conflict do nothing",
                id,
                brandId,
                id);
    }

    static void vendor(String id) {
        run(
                "insert into vendor (id, name, active, version) values (?, 'Vendor ' || ?, true, 0) on conflict do nothing",
                id,
                id);
    }

    static void team(String id, String vendorId) {
        run(
                "insert into team (id, vendor_id, name, active, version) values (?, ?, 'Team ' || ?, true, 0)"
                        + " on conflict do nothing",
                id,
                vendorId,
                id);
    }

    static void agent(String id, String vendorId, String teamId) {
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
    static void engagement(String id, String brandId, String vendorId) {
        brand(brandId);
        vendor(vendorId);
        run(
                "insert into engagement (id, brand_id, vendor_id, shop_ids, channels, roles, service_hours, time_zone,"
                        + " sla_targets, response_threshold_seconds, conversion_window_days, attribution,"
                        + " service_level_seconds, abandon_short_seconds, active, version)"
                        + " values (?, ?, ?, '{}', '{CHAT}', '{PRE_SALES}', '{\"windows\": []}', 'Asia/Shanghai', '{}', 30, 1, 'LAST_REPLIER',"
                        + " 20, 5, true, 0) on conflict do nothing",
                id,
                brandId,
                vendorId);
        run(
                "insert into kit_engagement (engagement_id, brand_id, vendor_id, active, state_time, event_id)"
                        + " values (?, ?, ?, true, now(), 'seed') on conflict do nothing",
                id,
                brandId,
                vendorId);
    }

    /** Ends an engagement's validity window yesterday, leaving it flagged active. */
    static void expireEngagement(String id) {
        run("update engagement set valid_to = now() - interval '1 day' where id = ?", id);
    }

    private static void run(String sql, String... parameters) {
        var database = InfraTestResource.database();
        try (Connection owner = InfraTestResource.postgres().connect(database.name(), database.owner())) {
            owner.setAutoCommit(false);
            try (PreparedStatement scope = owner.prepareStatement("select set_config('app.brand_ids', '*', true)");
                    PreparedStatement statement = owner.prepareStatement(sql)) {
                scope.execute();
                for (int i = 0; i < parameters.length; i++) {
                    statement.setString(i + 1, parameters[i]);
                }
                statement.executeUpdate();
            }
            owner.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Seeding failed: " + sql, e);
        }
    }
}
