package com.bpo.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpo.agent.conversation.ConversationSql.Statement;
import com.bpo.kit.tenant.TenantScope;
import com.bpo.testsupport.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every statement of the conversation queries is answered from an index of the migration, without a sequential scan,
 * and the lists without a sort: PostgreSQL's plans, read as the application role (row-level security on) over a
 * brand with thousands of conversations.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class ConversationQueryPlanTest {

    private static final String BRAND = "brand-pq";
    private static final String VENDOR = "vendor-pq-a";
    private static final int CONVERSATIONS = 50_000;
    private static final Pattern PARAMETER = Pattern.compile(":([A-Za-z][A-Za-z0-9]*)");

    @BeforeEach
    void seedABusyBrand() {
        // Enough rows for PostgreSQL to plan as it would for a real brand: a conversation a minute for five weeks, two
        // vendors, 500 agents, a customer and an agent message each; those of the last ten minutes are still open.
        // Seeded once; the other tests of the class find it there.
        if (ConversationSeed.exists("select 1 from conversation where brand_id = ? limit 1", BRAND)) {
            return;
        }
        ConversationSeed.brand(BRAND, "Asia/Shanghai");
        ConversationSeed.run(
                "insert into conversation (brand_id, conversation_id, vendor_id, shop_id, channel, customer_id,"
                        + " started_at, last_message_at, customer_messages, agent_messages, bot_messages, status,"
                        + " closed_at, closed_by, facts_revision, first_response_seconds, bursts, answered_bursts,"
                        + " slow_bursts, total_response_seconds, response_threshold_seconds)"
                        + " select ?, 'pq-' || n, case when n % 2 = 0 then 'vendor-pq-a' else 'vendor-pq-b' end,"
                        + " 'shop-pq-' || (n % 5), 'CHAT', 'customer-pq-' || n, started_at,"
                        + " started_at + interval '1 minute', 1, 1, 0, case when open then 'OPEN' else 'CLOSED' end,"
                        + " case when not open then started_at + interval '31 minutes' end,"
                        + " case when not open then 'SYSTEM' end, case when open then 0 else 1 end,"
                        + " case when not open then 60 end, case when not open then 1 end,"
                        + " case when not open then 1 end, case when not open then 1 end,"
                        + " case when not open then 60 end, case when not open then 30 end"
                        + " from (select n, started_at, started_at > now() - interval '10 minutes' as open"
                        + " from (select n, date_trunc('second', now()) - (? - n) * interval '1 minute' as started_at"
                        + " from generate_series(1, ?) n) times) conversations",
                BRAND, CONVERSATIONS, CONVERSATIONS);
        ConversationSeed.run(
                "insert into conversation_agent (brand_id, conversation_id, agent_id, first_message_at)"
                        + " select brand_id, conversation_id, 'agent-pq-' || (abs(hashtext(conversation_id)) % 500),"
                        + " last_message_at from conversation where brand_id = ?",
                BRAND);
        ConversationSeed.run(
                "insert into message (brand_id, message_id, conversation_id, vendor_id, shop_id, customer_id, sender,"
                        + " agent_id, sent_at, redacted_text, redacted)"
                        + " select c.brand_id, c.conversation_id || '-c', c.conversation_id, c.vendor_id, c.shop_id,"
                        + " c.customer_id, 'CUSTOMER', null, c.started_at, 'Hi', false from conversation c"
                        + " where c.brand_id = ?"
                        + " union all select c.brand_id, c.conversation_id || '-a', c.conversation_id, c.vendor_id,"
                        + " c.shop_id, c.customer_id, 'AGENT', a.agent_id, a.first_message_at, 'Hello', false"
                        + " from conversation c join conversation_agent a"
                        + " on a.brand_id = c.brand_id and a.conversation_id = c.conversation_id where c.brand_id = ?",
                BRAND,
                BRAND);
        ConversationSeed.run("analyze conversation, conversation_agent, message");
    }

    @Test
    void aBrandsListIsReadInIndexOrder() throws SQLException {
        TenantScope brand = TenantScope.brand(BRAND);
        ConversationFilter firstPage = filter(null, null, null, null, null);
        ConversationFilter laterPage = new ConversationFilter(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                50,
                new PageCursor(PageCursor.Order.STARTED, Instant.now().minus(Duration.ofDays(7)), "pq-40000"));

        for (Statement statement : List.of(
                ConversationSql.brandPage(BRAND, null, null, firstPage, brand),
                ConversationSql.brandPage(BRAND, null, null, laterPage, brand),
                ConversationSql.brandPage(BRAND, null, null, filter("shop-pq-1", null, null, null, null), brand),
                ConversationSql.brandPage(
                        BRAND, null, null, firstPage, new TenantScope(false, Set.of(BRAND), VENDOR, null)))) {
            assertThat(plan(statement))
                    .as(statement.sql())
                    .contains("conversation_by_start")
                    .doesNotContain("Seq Scan", "Sort");
        }
    }

    @Test
    void aCustomersOrAnAgentsConversationsAreFoundByTheirIndexes() throws SQLException {
        TenantScope brand = TenantScope.brand(BRAND);

        assertThat(plan(ConversationSql.brandPage(
                        BRAND, null, null, filter(null, null, null, null, "customer-pq-77"), brand)))
                .contains("conversation_by_customer")
                .doesNotContain("Seq Scan");
        // Few conversations are open: PostgreSQL may read them by the partial index and sort them.
        assertThat(plan(ConversationSql.brandPage(
                        BRAND,
                        Instant.now().minus(Duration.ofDays(1)),
                        Instant.now(),
                        filter(null, null, null, "OPEN", null),
                        brand)))
                .containsAnyOf("conversation_by_start", "conversation_open_by_activity")
                .doesNotContain("Seq Scan");
        // An agent's share is found from its conversation_agent rows when that is cheaper than walking the brand.
        assertThat(plan(ConversationSql.brandPage(
                        BRAND,
                        null,
                        null,
                        filter(null, null, null, null, null),
                        new TenantScope(false, Set.of(BRAND), VENDOR, "agent-pq-7"))))
                .containsAnyOf("conversation_by_start", "conversation_agent_by_agent")
                .doesNotContain("Seq Scan");
        for (String status : List.of("OPEN", "CLOSED")) {
            AgentConversationFilter agentFilter =
                    new AgentConversationFilter(ConversationStatus.valueOf(status), 50, null);
            assertThat(plan(ConversationSql.agentPage(BRAND, "agent-pq-7", agentFilter, brand)))
                    .as(status)
                    .containsAnyOf("conversation_agent_by_agent", "conversation_open_by_activity")
                    .doesNotContain("Seq Scan");
        }
    }

    @Test
    void aConversationItsAgentsAndItsMessagesAreReadByKey() throws SQLException {
        TenantScope brand = TenantScope.brand(BRAND);
        List<String> page =
                IntStream.rangeClosed(1, 50).mapToObj(n -> "pq-" + n).toList();

        assertThat(plan(ConversationSql.conversation(BRAND, "pq-10", brand)))
                .contains("conversation_pkey")
                .doesNotContain("Seq Scan");
        assertThat(plan(ConversationSql.agentIds(BRAND, page)))
                .contains("conversation_agent_pkey")
                .doesNotContain("Seq Scan");
        assertThat(plan(ConversationSql.messageSentAt(BRAND, "pq-10", "pq-10-c")))
                .containsAnyOf("message_pkey", "message_by_conversation")
                .doesNotContain("Seq Scan");
        assertThat(plan(ConversationSql.messages(BRAND, "pq-10", null, null, 1_001)))
                .contains("message_by_conversation")
                .doesNotContain("Seq Scan", "Sort");
        assertThat(plan(ConversationSql.messages(
                        BRAND, "pq-10", Instant.now().minus(Duration.ofDays(30)), "pq-10-c", 1_001)))
                .contains("message_by_conversation")
                .doesNotContain("Seq Scan", "Sort");
    }

    private static ConversationFilter filter(
            String shopId, String vendorId, String agentId, String status, String customerId) {
        return new ConversationFilter(
                null,
                null,
                null,
                shopId,
                vendorId,
                agentId,
                customerId,
                status == null ? null : ConversationStatus.valueOf(status),
                50,
                null);
    }

    /** PostgreSQL's plan for the statement with its parameters, as the application would run it. */
    private static String plan(Statement statement) throws SQLException {
        List<Object> values = new ArrayList<>();
        Matcher parameter = PARAMETER.matcher(statement.sql());
        StringBuilder sql = new StringBuilder("explain ");
        while (parameter.find()) {
            Object value = statement.parameters().get(parameter.group(1));
            if (value instanceof Collection<?> collection) {
                parameter.appendReplacement(sql, String.join(", ", Collections.nCopies(collection.size(), "?")));
                values.addAll(collection);
            } else {
                parameter.appendReplacement(sql, "?");
                values.add(value);
            }
        }
        parameter.appendTail(sql);

        var database = InfraTestResource.database();
        try (Connection app = InfraTestResource.postgres().connect(database.name(), database.app())) {
            app.setAutoCommit(false);
            try (PreparedStatement scope =
                            app.prepareStatement("select set_config('app.brand_ids', '" + BRAND + "', true)");
                    PreparedStatement explain = app.prepareStatement(sql.toString())) {
                scope.execute();
                for (int i = 0; i < values.size(); i++) {
                    explain.setObject(i + 1, values.get(i));
                }
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            } finally {
                app.rollback();
            }
        }
    }
}
