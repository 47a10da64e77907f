package com.bpo.agent.conversation;

import com.bpo.kit.error.ProblemException;
import com.bpo.kit.tenant.TenantScope;
import com.bpo.kit.tenant.TenantScopes;
import com.bpo.kit.tenant.TenantTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The console's reads of conversations and their messages (masked). Every method runs in a tenant transaction, so
 * row-level security applies in addition to the scope check here, and answers {@code null} for anything outside the
 * caller's scope (the resource answers 404).
 *
 * <p>Conversation ids are unique only within a brand: every method takes the {@code brandId} the caller named, or
 * {@code null} for the only brand of its scope ({@link TenantScope#selectBrand}).
 */
@ApplicationScoped
public class ConversationQueries {

    /** The most messages one answer carries; {@code messagesAfter} reads on from the last one shown. */
    public static final int MESSAGE_PAGE_SIZE = 1_000;

    private final ConversationQueryRepository repository;
    private final TenantScopes scopes;

    ConversationQueries(ConversationQueryRepository repository, TenantScopes scopes) {
        this.repository = repository;
        this.scopes = scopes;
    }

    /**
     * One conversation without its messages, as the caller may see it: vendor principals only their vendor's,
     * agents only those they wrote in.
     *
     * @param brandId the brand named by the caller, or {@code null} when its scope has exactly one brand
     * @return the conversation, or {@code null} when it does not exist in that brand or is outside the caller's scope
     * @throws ProblemException 400 naming {@code brandId} when none was named and the scope covers several brands
     */
    @TenantTransaction
    public Uni<ConversationView> find(String brandId, String conversationId) {
        return scopes.current().chain(scope -> {
            String brand = scope.selectBrand(brandId);
            return brand == null ? Uni.createFrom().nullItem() : visible(brand, conversationId, scope);
        });
    }

    /**
     * One conversation with up to {@value #MESSAGE_PAGE_SIZE} of its messages in order of {@code sentAt}, then
     * {@code messageId}.
     *
     * @param messagesAfter the id of a message of this conversation to read on after, or {@code null} to start
     *     with the first message
     * @return as {@link #find}
     * @throws ProblemException 400 naming {@code messagesAfter} when the conversation has no such message
     */
    @TenantTransaction
    public Uni<ConversationView> findWithMessages(String brandId, String conversationId, String messagesAfter) {
        String after = QueryParameters.text(messagesAfter);
        return scopes.current().chain(scope -> {
            String brand = scope.selectBrand(brandId);
            if (brand == null) {
                return Uni.createFrom().nullItem();
            }
            return visible(brand, conversationId, scope)
                    .chain(view -> view == null ? Uni.createFrom().nullItem() : withMessages(view, after));
        });
    }

    /**
     * A page of a brand's conversations, newest start first.
     *
     * @return the page, or {@code null} when the brand does not exist or is outside the caller's scope
     * @throws ProblemException 400 naming {@code brandId} when none was named and the scope covers several brands
     */
    @TenantTransaction
    public Uni<ConversationPage> list(String brandId, ConversationFilter filter) {
        return scopes.current().chain(scope -> {
            String brand = scope.selectBrand(brandId);
            if (brand == null) {
                return Uni.createFrom().nullItem();
            }
            // The time zone is needed for a day filter; reading it also tells whether the brand exists.
            return repository.brandTimeZone(brand).chain(zone -> {
                if (zone == null) {
                    return Uni.createFrom().nullItem();
                }
                ConversationSql.Statement statement =
                        ConversationSql.brandPage(brand, filter.startsAt(zone), filter.endsBefore(zone), filter, scope);
                return page(brand, statement, filter.limit(), PageCursor.Order.STARTED);
            });
        });
    }

    /**
     * A page of the conversations an agent wrote in within one brand, most recent activity first. An agent may ask
     * only for itself, a vendor principal only for its vendor's agents; brand principals see the agent's
     * conversations in their brand.
     *
     * @return the page, or {@code null} when the agent or the brand is outside the caller's scope
     * @throws ProblemException 400 naming {@code brandId} when none was named and the scope covers several brands
     */
    @TenantTransaction
    public Uni<ConversationPage> listForAgent(String agentId, String brandId, AgentConversationFilter filter) {
        return scopes.current().chain(scope -> {
            String brand = scope.selectBrand(brandId);
            if (brand == null || (scope.agentId() != null && !scope.agentId().equals(agentId))) {
                return Uni.createFrom().nullItem();
            }
            return agentVisible(agentId, scope).chain(visible -> {
                if (!visible) {
                    return Uni.createFrom().nullItem();
                }
                // An unknown brand answers 404, as the brand's conversation list does.
                return repository
                        .brandExists(brand)
                        .chain(exists -> exists
                                ? page(
                                        brand,
                                        ConversationSql.agentPage(brand, agentId, filter, scope),
                                        filter.limit(),
                                        PageCursor.Order.ACTIVITY)
                                : Uni.createFrom().nullItem());
            });
        });
    }

    /** Vendor principals see only their own vendor's agents; the others need no lookup. */
    private Uni<Boolean> agentVisible(String agentId, TenantScope scope) {
        if (scope.vendorId() == null) {
            return Uni.createFrom().item(true);
        }
        return repository.agentVendor(agentId).map(scope.vendorId()::equals);
    }

    private Uni<ConversationView> visible(String brandId, String conversationId, TenantScope scope) {
        return repository
                .conversation(brandId, conversationId, scope)
                .chain(view -> view == null
                        ? Uni.createFrom().nullItem()
                        : repository
                                .agentIds(brandId, List.of(conversationId))
                                .map(agents -> view.withAgentIds(agents.getOrDefault(conversationId, List.of()))));
    }

    private Uni<ConversationView> withMessages(ConversationView view, String messagesAfter) {
        Uni<Instant> afterSentAt = messagesAfter == null
                ? Uni.createFrom().nullItem()
                : repository
                        .messageSentAt(view.brandId(), view.conversationId(), messagesAfter)
                        .invoke(sentAt -> {
                            if (sentAt == null) {
                                throw ProblemException.invalid(
                                        "messagesAfter names no message of this conversation",
                                        QueryParameters.error(
                                                "messagesAfter",
                                                "must be the id of a message of this conversation",
                                                messagesAfter));
                            }
                        });
        return afterSentAt
                .chain(sentAt -> repository.messages(
                        view.brandId(), view.conversationId(), sentAt, messagesAfter, MESSAGE_PAGE_SIZE + 1))
                .map(messages -> messages.size() > MESSAGE_PAGE_SIZE
                        ? view.withMessages(messages.subList(0, MESSAGE_PAGE_SIZE), true)
                        : view.withMessages(messages, false));
    }

    /** Reads one row more than the page holds, to know whether another page follows without counting. */
    private Uni<ConversationPage> page(
            String brandId, ConversationSql.Statement statement, int limit, PageCursor.Order order) {
        return repository.conversations(statement).chain(rows -> {
            List<ConversationView> shown = rows.size() > limit ? rows.subList(0, limit) : rows;
            String nextCursor = rows.size() > limit
                    ? PageCursor.after(order, shown.get(shown.size() - 1)).encode()
                    : null;
            return repository
                    .agentIds(
                            brandId,
                            shown.stream().map(ConversationView::conversationId).toList())
                    .map(agents -> new ConversationPage(withAgents(shown, agents), nextCursor));
        });
    }

    private static List<ConversationView> withAgents(List<ConversationView> views, Map<String, List<String>> agents) {
        return views.stream()
                .map(view -> view.withAgentIds(agents.getOrDefault(view.conversationId(), List.of())))
                .toList();
    }
}
