package com.bpo.kit.consumer;

import com.bpo.kit.messaging.IncomingEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.List;

/**
 * The effect of one batch of a {@link BatchConsumers batch consumer}: runs inside the open transaction on
 * {@code transaction} (scope: every brand visible), which then stores the batch's offsets and commits.
 *
 * <p>{@code events} are the batch's readable events of known types (and of the consumer's
 * {@link BatchConsumerSpec#privateTypes() private types}), in offset order per partition. The kit guarantees that the
 * effect of each offset commits once, so the effect needs no idempotency of its own; it should write set-based (one
 * statement for the whole batch), because that is what makes this form fast. A failure that may pass (see
 * {@code TransientFailures}) makes the kit run the batch again; any other failure makes it apply the events one at a
 * time and send those that still fail to their dead-letter topic.
 */
@FunctionalInterface
public interface BatchEffect {

    Uni<Void> apply(SqlConnection transaction, List<IncomingEvent> events);
}
