package com.bpo.kit.tenant;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

@TenantTransaction
@Interceptor
// Just before Panache's @WithTransaction (PLATFORM_BEFORE + 200): on a method with both, the scope is set first and
// @WithTransaction joins the tenant transaction.
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 190)
class TenantTransactionInterceptor {

    private final TenantTransactions transactions;

    TenantTransactionInterceptor(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @AroundInvoke
    Object inTenantTransaction(InvocationContext context) throws Exception {
        if (!context.getMethod().getReturnType().equals(Uni.class)) {
            if (context.getMethod().isAnnotationPresent(TenantTransaction.class)) {
                throw new IllegalStateException(
                        "@TenantTransaction needs a method returning Uni: " + context.getMethod());
            }
            return context.proceed();
        }
        return transactions.inCurrentScope(scope -> proceed(context));
    }

    @SuppressWarnings("unchecked")
    private static <T> Uni<T> proceed(InvocationContext context) {
        try {
            return (Uni<T>) context.proceed();
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
    }
}
