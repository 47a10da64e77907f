// The brand KPI dashboard: vendors side by side, trend per day, targets, drill-down, hourly chart, CSV export.
import { Messages, rememberLocale } from './i18n.js';
import { download, el, sparkline } from './dom.js';
import {
  DETAIL_KPIS, HEADLINE_KPIS, HOURLY_KPIS, againstTarget, aggregate, csvForShops, daysOf, peakDays, plusDays, valueOf,
} from './kpis.js';
import { renderHourlyChart } from './hourly-chart.js';

const TOTAL = '__total__';
const CONVERSION_KPIS = new Set(['inquiryConversion', 'paidConversion', 'averageOrderValue']);
const NONE = '__none__';
const DEFAULT_PERIOD_DAYS = 7;

const $ = (id) => document.getElementById(id);

export class Dashboard {
  constructor(api, principal, messages) {
    this.api = api;
    this.principal = principal;
    this.messages = messages;
    this.brands = [];
    this.shops = [];
    this.vendorNames = new Map();
    this.teamNames = new Map();
    this.agentNames = new Map();
    this.engagements = [];
    this.drill = null;
    this.hourlyDay = null;
    this.loadId = 0;
  }

  get t() {
    return this.messages.t.bind(this.messages);
  }

  async start() {
    this.brands = await this.api.brands();
    if (this.brands.length === 0) {
      this.status(this.t('error.noBrand'));
      return;
    }
    const wanted = new URLSearchParams(window.location.search);
    const brandId = wanted.get('brand') ?? this.principal.brandId ?? this.brands[0].brandId;
    this.brandId = this.brands.some((brand) => brand.brandId === brandId) ? brandId : this.brands[0].brandId;
    // A day's traffic is complete once the day is over: default to the week up to yesterday in the brand's zone.
    const timeZone = this.brands.find((brand) => brand.brandId === this.brandId).timeZone || 'Asia/Shanghai';
    const yesterday = plusDays(todayIn(timeZone), -1);
    this.to = wanted.get('to') ?? yesterday;
    this.from = wanted.get('from') ?? plusDays(this.to, 1 - DEFAULT_PERIOD_DAYS);
    this.bindFilters();
    // The organisation (names, shops, targets) and the first numbers are fetched at the same time.
    this.organisation = this.loadOrganisation();
    await Promise.all([this.organisation, this.load()]);
  }

  bindFilters() {
    $('from').value = this.from;
    $('to').value = this.to;
    $('brand').replaceChildren(...this.brands.map((brand) => el('option', { value: brand.brandId }, brand.name)));
    $('brand').value = this.brandId;
    $('brand').closest('label').hidden = this.brands.length < 2;
    $('brand').addEventListener('change', async () => {
      this.brandId = $('brand').value;
      this.drill = null;
      this.chosenShops = undefined;
      this.organisation = this.loadOrganisation();
      await Promise.all([this.organisation, this.load()]);
    });
    $('filters').addEventListener('submit', (event) => {
      event.preventDefault();
      if ($('from').value > $('to').value) {
        this.status(this.t('error.period'));
        return;
      }
      this.from = $('from').value;
      this.to = $('to').value;
      this.hourlyDay = null;
      this.load();
    });
    $('export').addEventListener('click', () => this.exportCsv());
    $('hourly-day').addEventListener('change', () => {
      this.hourlyDay = $('hourly-day').value;
      this.loadHourly().catch((error) => this.fail(error));
    });
    $('filters').hidden = false;
  }

  async loadOrganisation() {
    const [shops, vendors, engagements] = await Promise.all([
      this.api.shops(this.brandId),
      this.api.vendors(),
      this.api.engagements(),
    ]);
    this.shops = shops.filter((shop) => shop.active);
    this.chosenShops = new Set(this.shops.map((shop) => shop.shopId));
    vendors.forEach((vendor) => this.vendorNames.set(vendor.vendorId, vendor.name));
    this.engagements = engagements.filter((engagement) => engagement.brandId === this.brandId && engagement.active);
    $('shops').replaceChildren(
      el('legend', { 'data-i18n': 'filters.shops' }, this.t('filters.shops')),
      ...this.shops.map((shop) => el('label', { className: 'shop' },
        el('input', {
          type: 'checkbox', value: shop.shopId, checked: true,
          onchange: (event) => {
            if (event.target.checked) this.chosenShops.add(shop.shopId);
            else this.chosenShops.delete(shop.shopId);
          },
        }),
        ` ${shop.name}`)));
  }

  /** Null when every shop is chosen (no shop grouping needed; also before the shops are known), else their ids. */
  get shopFilter() {
    if (!this.chosenShops || this.chosenShops.size === this.shops.length) return null;
    return [...this.chosenShops];
  }

  /** groupBy plus `shop` when only some shops are chosen, and the row filter that goes with it. */
  query(groupBy, kpis, from = this.from, to = this.to) {
    const shops = this.shopFilter;
    return {
      params: { brandId: this.brandId, from, to, groupBy: shops ? [...groupBy, 'shop'] : groupBy, kpis },
      keep: shops ? (group) => shops.includes(group.shop) : () => true,
    };
  }

  async load() {
    const loadId = ++this.loadId;
    // The period lives in the query string (not the fragment, which carries Keycloak's answer), so a reload keeps it.
    const search = new URLSearchParams({ brand: this.brandId, from: this.from, to: this.to });
    window.history.replaceState(null, '', `${window.location.pathname}?${search}`);
    document.body.dataset.ready = 'false';
    this.status(this.t('app.loading'));
    this.days = daysOf(this.from, this.to);
    let hourly;
    const failures = await this.progressive(['vendor', 'day'], HEADLINE_KPIS.map((kpi) => kpi.name), (rows, pending) => {
      if (loadId !== this.loadId) return;
      this.renderComparison(rows, pending);
      if (!performance.getEntriesByName('bpo:dashboard-rendered').length) performance.mark('bpo:dashboard-rendered');
      this.status('');
      document.getElementById('app').setAttribute('aria-busy', 'false');
      // The chart's day is the busiest one: known as soon as the inquiries are, not only once conversion is.
      if (!hourly && !pending.has('inquiries')) hourly = this.loadHourly(rows);
    });
    if (loadId !== this.loadId) return;
    await Promise.all([this.drill ? this.loadDrill() : Promise.resolve(), hourly]);
    if (loadId !== this.loadId) return;
    if (!performance.getEntriesByName('bpo:dashboard-complete').length) performance.mark('bpo:dashboard-complete');
    if (failures.length) {
      this.status(this.t('error.partial', { detail: failures.map((failure) => failure.message).join('; ') }));
      $('status').classList.add('error');
      document.body.dataset.ready = 'error';
      return;
    }
    document.body.dataset.ready = 'true';
  }

  /**
   * Asks for `kpis` in two parts, answered in parallel: conversion (one heavy statement over conversations,
   * messages and orders in the analytics service) and everything else. `render(rows, pending)` runs as each part
   * arrives with the rows so far, so the fast KPIs show while conversion is still being computed.
   * @returns the errors of the parts that failed (their KPIs stay pending)
   */
  async progressive(groupBy, kpis, render, from = this.from, to = this.to) {
    const parts = [kpis.filter((kpi) => !CONVERSION_KPIS.has(kpi)), kpis.filter((kpi) => CONVERSION_KPIS.has(kpi))]
      .filter((part) => part.length > 0);
    const merged = new Map();
    const pending = new Set(kpis);
    const outcomes = await Promise.allSettled(parts.map(async (part) => {
      const { params, keep } = this.query(groupBy, part, from, to);
      const answer = await this.api.kpis(params);
      await this.organisation; // names and targets for the rendering
      for (const row of answer.rows.filter((one) => keep(one.group))) {
        const key = JSON.stringify(row.group);
        const known = merged.get(key);
        if (known) Object.assign(known.kpis, row.kpis);
        else merged.set(key, { group: row.group, kpis: { ...row.kpis } });
      }
      part.forEach((kpi) => pending.delete(kpi));
      render([...merged.values()], pending);
    }));
    return outcomes.filter((outcome) => outcome.status === 'rejected').map((outcome) => outcome.reason);
  }

  fail(error) {
    this.status(this.t('error.partial', { detail: error.message ?? String(error) }));
    $('status').classList.add('error');
  }

  status(text) {
    $('status').textContent = text;
    $('status').hidden = !text;
    if (!text) $('status').classList.remove('error');
  }

  vendorName(vendorId) {
    if (vendorId === TOTAL) return this.t('vendor.total');
    if (vendorId === NONE || vendorId === null) return this.t('vendor.none');
    return this.vendorNames.get(vendorId) ?? vendorId;
  }

  /** The vendor columns: every vendor with numbers or an engagement, then the brand's total when there are several. */
  vendorColumns(rows) {
    const vendors = new Set(this.engagements.map((engagement) => engagement.vendorId));
    rows.forEach((row) => vendors.add(row.group.vendor ?? NONE));
    const columns = [...vendors].filter((vendor) => vendor !== NONE).sort();
    const brandView = this.principal.kind === 'brand' || this.principal.kind === 'platform';
    if (brandView && (columns.length > 1 || vendors.has(NONE))) columns.push(TOTAL);
    return columns;
  }

  renderComparison(rows, pending = new Set()) {
    const totals = aggregate(rows, (group) => group.vendor ?? NONE);
    const brandTotal = aggregate(rows, () => TOTAL).get(TOTAL) ?? new Map();
    const daily = aggregate(rows, (group) => `${group.vendor ?? NONE}|${group.day}`);
    const columns = this.vendorColumns(rows);
    const kpisOf = (vendor) => (vendor === TOTAL ? brandTotal : totals.get(vendor) ?? new Map());
    const targetsOf = (vendor) => this.engagements.find((engagement) => engagement.vendorId === vendor)?.slaTargets;

    $('period-title').textContent = this.t('summary.title', {
      from: this.messages.day(this.from), to: this.messages.day(this.to),
    });
    $('scope-note').textContent = this.principal.kind === 'vendor'
      ? this.t('summary.vendorScope', { vendor: this.vendorName(this.principal.vendorId) })
      : this.t('summary.brandScope');

    const head = el('tr', {},
      el('th', { scope: 'col' }, this.t('summary.kpi')),
      columns.map((vendor) => el('th', { scope: 'col', dataset: { vendor } },
        el('span', { className: 'vendor-name' }, this.vendorName(vendor)),
        vendor === TOTAL ? null : el('button', {
          type: 'button', className: 'drill', dataset: { drillVendor: vendor },
          onclick: () => this.openDrill({ vendorId: vendor }).catch((error) => this.fail(error)),
        }, this.t('drill.teams')))));
    $('comparison').tHead.replaceChildren(head);

    const body = HEADLINE_KPIS.map((kpi) => el('tr', { dataset: { kpi: kpi.name } },
      el('th', { scope: 'row' }, this.t(`kpi.${kpi.name}`)),
      columns.map((vendor) => {
        if (pending.has(kpi.name)) {
          return el('td', { 'data-label': this.vendorName(vendor), className: 'pending', dataset: { vendor, kpi: kpi.name, pending: 'true' } },
            el('span', { className: 'value' }, '…'));
        }
        const sum = kpisOf(vendor).get(kpi.name);
        const value = valueOf(sum, kpi.kind);
        const trend = this.days.map((day) => valueOf(daily.get(`${vendor}|${day}`)?.get(kpi.name), kpi.kind));
        const limit = kpi.target ? targetsOf(vendor)?.[kpi.target.field] : undefined;
        const standing = kpi.target ? againstTarget(value, kpi.target, limit) : null;
        return el('td', {
          'data-label': this.vendorName(vendor),
          dataset: {
            vendor, kpi: kpi.name, numerator: exact(sum?.numerator), denominator: sum?.hasDenominator ? exact(sum.denominator) : '',
          },
        },
        el('span', { className: 'value', title: this.fraction(sum) }, this.messages.value(value, kpi.kind)),
        sum && !sum.final ? el('span', { className: 'provisional', title: this.t('summary.provisional') }, '*') : null,
        vendor === TOTAL ? null : sparkline(trend, this.t('summary.trend')),
        vendor === TOTAL ? null : this.targetNote(kpi, limit, standing),
        sum?.variants.size ? el('span', { className: 'variant' }, [...sum.variants].join('; ')) : null);
      })));
    $('comparison').tBodies[0].replaceChildren(...body);
    $('summary').hidden = false;
  }

  targetNote(kpi, limit, standing) {
    if (limit === undefined || limit === null) {
      return el('span', { className: 'target none' }, this.t('target.none'));
    }
    const bound = this.messages.value(Number(limit), kpi.kind);
    const text = this.t(kpi.target.direction === 'max' ? 'target.max' : 'target.min', { target: bound });
    return el('span', { className: `target ${standing ?? ''}`, title: standing ? this.t(`target.${standing}`) : '' },
      text);
  }

  fraction(sum) {
    if (!sum) return this.t('summary.noRecords');
    if (!sum.hasDenominator) return this.t('summary.count', { numerator: this.messages.number(sum.numerator) });
    return this.t('summary.fraction', {
      numerator: this.messages.number(sum.numerator), denominator: this.messages.number(sum.denominator),
    });
  }

  // ------------------------------------------------------------------------------------------ drill-down

  async openDrill(drill) {
    this.drill = drill;
    await this.loadDrill();
    $('drilldown').scrollIntoView({ block: 'start' });
  }

  async loadDrill() {
    const { vendorId, teamId } = this.drill;
    await this.loadNames(vendorId);
    const level = teamId === undefined ? 'team' : 'agent';
    const groupBy = level === 'team' ? ['vendor', 'team'] : ['vendor', 'team', 'agent'];
    const drill = this.drill;
    const failures = await this.progressive(groupBy, DETAIL_KPIS.map((kpi) => kpi.name), (rows, pending) => {
      if (drill !== this.drill) return;
      this.renderDrill(level, vendorId, teamId, rows.filter((row) => row.group.vendor === vendorId
        && (level === 'team' || (row.group.team ?? NONE) === teamId)), pending);
    });
    if (failures.length) throw failures[0];
  }

  renderDrill(level, vendorId, teamId, rows, pending) {
    const groups = aggregate(rows, (group) => group[level] ?? NONE);

    const crumbs = [el('button', { type: 'button', className: 'crumb', onclick: () => this.closeDrill() },
      this.t('drill.allVendors')),
    ' › ',
    el('button', { type: 'button', className: 'crumb', onclick: () => this.openDrill({ vendorId }).catch((error) => this.fail(error)) },
      this.vendorName(vendorId))];
    if (level === 'agent') crumbs.push(' › ', el('span', { className: 'crumb current' }, this.teamName(teamId)));
    $('breadcrumbs').replaceChildren(...crumbs);
    $('drilldown-title').textContent = this.t(level === 'team' ? 'drill.teamsOf' : 'drill.agentsOf', {
      vendor: this.vendorName(vendorId), team: this.teamName(teamId),
    });

    const table = $('drilldown-table');
    table.dataset.level = level;
    table.tHead.replaceChildren(el('tr', {},
      el('th', { scope: 'col' }, this.t(level === 'team' ? 'drill.team' : 'drill.agent')),
      DETAIL_KPIS.map((kpi) => el('th', { scope: 'col' }, this.t(`kpi.${kpi.name}`)))));
    const keys = [...groups.keys()].sort((a, b) => (a === NONE) - (b === NONE) || a.localeCompare(b));
    table.tBodies[0].replaceChildren(...keys.map((key) => {
      const name = level === 'team' ? this.teamName(key) : this.agentName(key);
      const label = level === 'team' && key !== NONE
        ? el('button', { type: 'button', className: 'drill', onclick: () => this.openDrill({ vendorId, teamId: key }).catch((error) => this.fail(error)) }, name)
        : name;
      return el('tr', { dataset: { [level]: key } },
        el('th', { scope: 'row' }, label),
        DETAIL_KPIS.map((kpi) => {
          if (pending.has(kpi.name)) {
            return el('td', { 'data-label': this.t(`kpi.${kpi.name}`), className: 'pending', dataset: { kpi: kpi.name } },
              el('span', { className: 'value' }, '…'));
          }
          const sum = groups.get(key).get(kpi.name);
          return el('td', { 'data-label': this.t(`kpi.${kpi.name}`), dataset: { kpi: kpi.name } },
            el('span', { className: 'value', title: this.fraction(sum) },
              this.messages.value(valueOf(sum, kpi.kind), kpi.kind)));
        }));
    }));
    if (keys.length === 0) {
      table.tBodies[0].replaceChildren(el('tr', {}, el('td', { colspan: DETAIL_KPIS.length + 1 }, this.t('summary.noRecords'))));
    }
    $('drilldown').hidden = false;
  }

  closeDrill() {
    this.drill = null;
    $('drilldown').hidden = true;
  }

  /** Team and agent names where the API shows them to this role (vendor roles); ids otherwise. */
  async loadNames(vendorId) {
    if (this.teamNames.has(`loaded:${vendorId}`)) return;
    const [teams, agents] = await Promise.all([this.api.teams(vendorId), this.api.agents(vendorId)]);
    teams.forEach((team) => this.teamNames.set(team.teamId, team.name));
    agents.forEach((agent) => this.agentNames.set(agent.agentId, agent.displayName));
    this.teamNames.set(`loaded:${vendorId}`, true);
  }

  teamName(teamId) {
    if (teamId === NONE) return this.t('drill.noTeam');
    return this.teamNames.get(teamId) ?? teamId;
  }

  agentName(agentId) {
    if (agentId === NONE) return this.t('drill.noAgent');
    return this.agentNames.get(agentId) ?? agentId;
  }

  // ------------------------------------------------------------------------------------------ hourly chart

  async loadHourly(dailyRows) {
    if (dailyRows) {
      const byDay = new Map(this.days.map((day) => [day, 0]));
      dailyRows.forEach((row) => byDay.set(row.group.day, (byDay.get(row.group.day) ?? 0)
        + Number(row.kpis.inquiries?.numerator ?? 0)));
      const peaks = peakDays(byDay);
      const busy = new Set(peaks.slice(0, 3));
      $('hourly-day').replaceChildren(...[...this.days].reverse().map((day) => el('option', { value: day },
        busy.has(day) ? `${this.messages.day(day)} · ${this.t('hourly.peak')}` : this.messages.day(day))));
      if (!this.hourlyDay || !this.days.includes(this.hourlyDay)) this.hourlyDay = peaks[0] ?? this.to;
      $('hourly-day').value = this.hourlyDay;
    }
    const day = this.hourlyDay;
    const { params, keep } = this.query(['vendor', 'hour'], HOURLY_KPIS, day, day);
    const answer = await this.api.kpis(params);
    const groups = aggregate(answer.rows.filter((row) => keep(row.group)),
      (group) => `${group.vendor ?? NONE}|${group.hour.slice(11, 13)}`);
    const vendors = this.vendorColumns(answer.rows).filter((vendor) => vendor !== TOTAL);
    const hours = Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0'));
    const series = vendors.map((vendor) => ({
      vendor: this.vendorName(vendor),
      inquiries: hours.map((hour) => valueOf(groups.get(`${vendor}|${hour}`)?.get('inquiries'), 'count') ?? 0),
      responseSeconds: hours.map((hour) => valueOf(groups.get(`${vendor}|${hour}`)?.get('averageResponseSeconds'), 'seconds')),
    }));
    $('hourly').hidden = false;
    $('hourly-chart').dataset.day = day;
    $('hourly-chart').dataset.inquiries = String(series.reduce((all, one) => all + one.inquiries.reduce((a, b) => a + b, 0), 0));
    await renderHourlyChart($('hourly-chart'), hours.map((hour) => `${hour}:00`), series, this.messages);
  }

  // ------------------------------------------------------------------------------------------ export

  /** The API's own CSV of what the table shows (one line per vendor and KPI); with a shop filter, those shops' lines. */
  async exportCsv() {
    const { params } = this.query(['vendor'], HEADLINE_KPIS.map((kpi) => kpi.name));
    const csv = csvForShops(await this.api.kpisCsv(params), this.shopFilter);
    download(csv, `kpis-${this.brandId}-${this.from}-${this.to}.csv`, 'text/csv;charset=utf-8');
  }

  // ------------------------------------------------------------------------------------------ language

  async switchLocale(locale) {
    this.messages = await Messages.load(locale);
    rememberLocale(locale);
    this.messages.apply();
    await this.load();
  }
}

/** Today's date (yyyy-mm-dd) in a time zone: the Canadian English format is ISO's. */
function todayIn(timeZone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date());
}

/** A sum as a plain decimal string (4 places at most), for tests and screen readers comparing with the API. */
function exact(number) {
  if (number === undefined || number === null) return '';
  return String(Number(number.toFixed(4)));
}
