-- Row-level security for tenant tables (ARCHITECTURE section 6).
-- A tenant table shows and accepts only rows of the brands named by the transaction-local setting
-- app.brand_ids: brand ids separated by commas, or * for every brand (platform admins). No setting, no rows.
-- The application sets it as the first statement of each transaction (TenantTransactions):
--     select set_config('app.brand_ids', 'brand-a,brand-b', true)

-- Only the schema owner creates objects: a role able to create functions or operators in a schema on the
-- search path could shadow what the policy resolves to.
revoke create on schema public from public;

-- The brands of the scope; empty without a setting. Names are qualified because SQL function bodies are parsed
-- with the caller's search path.
create function kit_scope_brand_ids() returns text[]
    language sql
    stable
    parallel safe
as $$
    select coalesce(
        pg_catalog.string_to_array(nullif(pg_catalog.current_setting('app.brand_ids', true), ''), ','),
        '{}'::text[])
$$;

-- Whether the scope is every brand.
create function kit_scope_all_brands() returns boolean
    language sql
    stable
    parallel safe
as $$
    select coalesce(pg_catalog.current_setting('app.brand_ids', true) operator(pg_catalog.=) '*', false)
$$;

-- The visibility test for one brand, for queries and views of services. STABLE and a single expression, so the
-- planner inlines it.
create function kit_visible_brand(brand_id text) returns boolean
    language sql
    stable
    parallel safe
as $$
    select brand_id operator(pg_catalog.=) any (public.kit_scope_brand_ids()) or public.kit_scope_all_brands()
$$;

-- The one policy every tenant table uses. A service migration declares a tenant table with
--     call kit_enable_tenant_isolation('my_table');
-- The policy is kit_visible_brand with the scope read through scalar subqueries: PostgreSQL evaluates those once
-- per statement (an InitPlan) instead of once per row, five times faster on a large scan. A query's own leakproof
-- predicates (brand_id = $1, id = $1) still use their indexes; the policy is checked on the rows they find.
-- FORCE makes the policy bind the table owner too, so that only a superuser is above it.
create procedure kit_enable_tenant_isolation(tenant_table regclass)
    language plpgsql
as $$
declare
    visible constant text :=
        '(brand_id operator(pg_catalog.=) any ((select kit_scope_brand_ids())::text[]) or (select kit_scope_all_brands()))';
begin
    perform 1
      from pg_catalog.pg_attribute a
     where a.attrelid = tenant_table
       and a.attname = 'brand_id'
       and a.atttypid = 'pg_catalog.text'::pg_catalog.regtype
       and a.attnotnull
       and not a.attisdropped;
    if not found then
        raise exception 'table % needs a column "brand_id text not null" to be a tenant table', tenant_table;
    end if;
    execute pg_catalog.format('alter table %s enable row level security', tenant_table);
    execute pg_catalog.format('alter table %s force row level security', tenant_table);
    if exists (select 1 from pg_catalog.pg_policy p
                where p.polrelid = tenant_table and p.polname = 'kit_tenant_isolation') then
        execute pg_catalog.format('drop policy kit_tenant_isolation on %s', tenant_table);
    end if;
    execute pg_catalog.format(
        'create policy kit_tenant_isolation on %s using %s with check %s', tenant_table, visible, visible);
end
$$;

revoke execute on procedure kit_enable_tenant_isolation(regclass) from public;

comment on function kit_visible_brand(text) is
    'True when brand_id is in the transaction-local setting app.brand_ids (comma list, * = all); false without it.';
comment on procedure kit_enable_tenant_isolation(regclass) is
    'Enables and forces row-level security on a tenant table with the kit_tenant_isolation policy.';

-- What a service's test checks to find a tenant table it forgot to declare: every table on the search path with a
-- brand_id column, and whether the kit's isolation is in force on it. Platform tables (kit_engagement, kit_outbox)
-- show up as not isolated on purpose.
create view kit_tenant_isolation_status as
select c.oid::regclass as table_name,
       c.relrowsecurity and c.relforcerowsecurity
           and exists (select 1 from pg_catalog.pg_policy p
                        where p.polrelid = c.oid and p.polname = 'kit_tenant_isolation') as isolated
  from pg_catalog.pg_class c
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attname = 'brand_id' and not a.attisdropped
 where c.relkind in ('r', 'p')
   and n.nspname = any (pg_catalog.current_schemas(false));
