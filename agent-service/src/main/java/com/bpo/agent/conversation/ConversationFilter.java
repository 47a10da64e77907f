package com.bpo.agent.conversation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What a brand's conversation list is narrowed to. Times select by {@code startedAt}: {@code from} inclusive,
 * {@code to} exclusive; {@code day} is a whole local day in the brand's time zone and excludes {@code from}/{@code to}.
 * Absent criteria are {@code null}.
 */
public record ConversationFilter(
        Instant from,
        Instant to,
        LocalDate day,
        String shopId,
        String vendorId,
        String agentId,
        String customerId,
        ConversationStatus status,
        int limit,
        PageCursor cursor) {

    /**
     * Reads the query parameters of the list.
     *
     * @throws com.bpo.kit.error.ProblemException 400 naming every bad parameter
     */
    static ConversationFilter parse(
            String from,
            String to,
            String day,
            String shopId,
            String vendorId,
            String agentId,
            String customerId,
            String status,
            String limit,
            String cursor) {
        QueryParameters parameters = new QueryParameters();
        Instant fromInstant = parameters.instant("from", from);
        Instant toInstant = parameters.instant("to", to);
        LocalDate localDay = parameters.date("day", day);
        if (localDay != null && (QueryParameters.text(from) != null || QueryParameters.text(to) != null)) {
            parameters.reject("day", "cannot be combined with from or to", QueryParameters.text(day));
        }
        if (fromInstant != null && toInstant != null && !toInstant.isAfter(fromInstant)) {
            parameters.reject("to", "must be after from", QueryParameters.text(to));
        }
        ConversationFilter filter = new ConversationFilter(
                fromInstant,
                toInstant,
                localDay,
                QueryParameters.text(shopId),
                QueryParameters.text(vendorId),
                QueryParameters.text(agentId),
                QueryParameters.text(customerId),
                parameters.status(status, null),
                parameters.limit(limit),
                parameters.cursor(cursor, PageCursor.Order.STARTED));
        parameters.requireValid();
        return filter;
    }

    /** The first instant of the window, in the brand's time zone for a {@code day}; {@code null} for none. */
    Instant startsAt(ZoneId zone) {
        return day != null ? day.atStartOfDay(zone).toInstant() : from;
    }

    /** The first instant after the window; {@code null} for none. */
    Instant endsBefore(ZoneId zone) {
        return day != null ? day.plusDays(1).atStartOfDay(zone).toInstant() : to;
    }
}
