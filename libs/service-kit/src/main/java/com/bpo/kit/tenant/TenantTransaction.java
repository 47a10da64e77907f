package com.bpo.kit.tenant;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the {@code Uni} returned by the annotated method in one reactive transaction scoped to the current request's
 * tenant: {@link TenantTransactions#inCurrentScope}. Use it instead of {@code @WithTransaction} on every service
 * method that reads or writes tenant tables for a request; without it row-level security shows no rows.
 *
 * <p>The annotated method must return {@code Uni}; on a class, methods that do not are called without a transaction.
 * The method can get the scope from {@link TenantScopes#current()} (resolved once per request).
 */
@Inherited
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface TenantTransaction {}
