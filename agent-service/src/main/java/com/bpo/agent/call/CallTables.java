package com.bpo.agent.call;

import com.bpo.contracts.Topics;
import com.bpo.contracts.call.CallEnded;
import com.bpo.kit.consumer.BatchConsumerSpec;
import com.bpo.kit.consumer.BatchConsumers;
import com.bpo.kit.messaging.IncomingEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the call table from {@code call.events}, a polled batch per statement, in one transaction with the batch's
 * offsets. The first record of a call wins: a call sent again has the same event and changes nothing.
 */
@ApplicationScoped
public class CallTables {

    static final String CONSUMER = "call-tables";

    private static final String STORE_CALLS =
            """
            insert into call (brand_id, call_id, vendor_id, shop_id, customer_id, engagement_id, agent_id, direction,
                              offered_at, answered_at, ended_at, wait_seconds, talk_seconds, hold_seconds,
                              wrap_seconds, abandoned, callback_of)
            select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                                 $8::text[], $9::timestamptz[], $10::timestamptz[], $11::timestamptz[], $12::bigint[],
                                 $13::bigint[], $14::bigint[], $15::bigint[], $16::boolean[], $17::text[])
            on conflict do nothing
            """;

    private final BatchConsumers consumers;
    private final int maxBatchSize;

    CallTables(
            BatchConsumers consumers,
            @ConfigProperty(name = "bpo.calls.tables.max-batch-size", defaultValue = "2000") int maxBatchSize) {
        this.consumers = consumers;
        this.maxBatchSize = maxBatchSize;
    }

    void start(@Observes StartupEvent startup) {
        consumers.start(new BatchConsumerSpec(CONSUMER, List.of(Topics.CALL_EVENTS), maxBatchSize, false), this::apply);
    }

    Uni<Void> apply(SqlConnection transaction, List<IncomingEvent> events) {
        List<CallEnded> calls = new ArrayList<>();
        for (IncomingEvent event : events) {
            if (event.payload() instanceof CallEnded call) {
                calls.add(call);
            }
        }
        if (calls.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int size = calls.size();
        List<Object[]> columns = new ArrayList<>();
        String[] brands = new String[size];
        String[] ids = new String[size];
        String[] vendors = new String[size];
        String[] shops = new String[size];
        String[] customers = new String[size];
        String[] engagements = new String[size];
        String[] agents = new String[size];
        String[] directions = new String[size];
        OffsetDateTime[] offered = new OffsetDateTime[size];
        OffsetDateTime[] answered = new OffsetDateTime[size];
        OffsetDateTime[] ended = new OffsetDateTime[size];
        Long[] wait = new Long[size];
        Long[] talk = new Long[size];
        Long[] hold = new Long[size];
        Long[] wrap = new Long[size];
        Boolean[] abandoned = new Boolean[size];
        String[] callbackOf = new String[size];
        for (int i = 0; i < size; i++) {
            CallEnded call = calls.get(i);
            brands[i] = call.brandId();
            ids[i] = call.callId();
            vendors[i] = call.vendorId();
            shops[i] = call.shopId();
            customers[i] = call.customerId();
            engagements[i] = call.engagementId();
            agents[i] = call.agentId();
            directions[i] = call.direction().name();
            offered[i] = utc(call.offeredAt());
            answered[i] = utc(call.answeredAt());
            ended[i] = utc(call.endedAt());
            wait[i] = call.waitSeconds();
            talk[i] = call.talkSeconds();
            hold[i] = call.holdSeconds();
            wrap[i] = call.wrapSeconds();
            abandoned[i] = call.abandoned();
            callbackOf[i] = call.callbackOf();
        }
        columns.add(brands);
        columns.add(ids);
        columns.add(vendors);
        columns.add(shops);
        columns.add(customers);
        columns.add(engagements);
        columns.add(agents);
        columns.add(directions);
        columns.add(offered);
        columns.add(answered);
        columns.add(ended);
        columns.add(wait);
        columns.add(talk);
        columns.add(hold);
        columns.add(wrap);
        columns.add(abandoned);
        columns.add(callbackOf);
        return transaction
                .preparedQuery(STORE_CALLS)
                .execute(Tuple.from(new ArrayList<Object>(columns)))
                .replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
