package com.bpo.kit.messaging;

import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

/** Finds the Hibernate Reactive session whose transaction is open in the current Vert.x context. */
public final class TransactionSessions {

    private TransactionSessions() {}

    /**
     * The session of the transaction open in the current Vert.x context (a {@code @WithTransaction} method,
     * {@code Panache.withTransaction}, a tenant transaction or {@code Mutiny.SessionFactory.withTransaction}).
     *
     * @param user what needs the transaction, for the error message
     * @return the session, or a failure with {@link IllegalStateException} if no transaction is open
     */
    public static Uni<Mutiny.Session> requireOpen(Mutiny.SessionFactory sessionFactory, String user) {
        return Uni.createFrom().deferred(() -> {
            Mutiny.Session session = current(sessionFactory);
            if (session == null || !session.isOpen() || session.currentTransaction() == null) {
                return Uni.createFrom()
                        .failure(new IllegalStateException(user + " needs an open transaction (e.g. a"
                                + " @WithTransaction method) to write in it, and none is open in this context"));
            }
            return Uni.createFrom().item(session);
        });
    }

    private static Mutiny.Session current(Mutiny.SessionFactory sessionFactory) {
        try {
            return sessionFactory.getCurrentSession();
        } catch (IllegalStateException e) {
            // Off a Vert.x context there is no session to join.
            return null;
        }
    }
}
