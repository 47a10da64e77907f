// The dashboard's KPIs and the arithmetic on KPI answers: pure functions, no DOM, no network.

/**
 * The headline KPIs of ARCHITECTURE section 5, in display order. `kind` picks the formatting; `target` names the
 * engagement's SLA target (slaTargets field) and whether the value must stay at most (`max`) or at least (`min`).
 */
export const HEADLINE_KPIS = [
  { name: 'inquiries', kind: 'count' },
  { name: 'responseRate', kind: 'rate', target: { field: 'responseRate', direction: 'min' } },
  { name: 'firstResponseSeconds', kind: 'seconds', target: { field: 'firstResponseSeconds', direction: 'max' } },
  { name: 'averageResponseSeconds', kind: 'seconds', target: { field: 'averageResponseSeconds', direction: 'max' } },
  { name: 'withinThresholdRate', kind: 'rate', target: { field: 'withinThresholdRate', direction: 'min' } },
  { name: 'inquiryConversion', kind: 'rate' },
  { name: 'paidConversion', kind: 'rate' },
  { name: 'averageOrderValue', kind: 'currency' },
  { name: 'dsrItem', kind: 'score' },
  { name: 'dsrService', kind: 'score' },
  { name: 'dsrLogistics', kind: 'score' },
  { name: 'csat', kind: 'rate' },
  { name: 'serviceLevel', kind: 'rate', target: { field: 'serviceLevel', direction: 'min' } },
  { name: 'abandonRate', kind: 'rate', target: { field: 'abandonRate', direction: 'max' } },
];

/** The KPIs of the team and agent tables (the ones a person, rather than the whole vendor, is credited with). */
export const DETAIL_KPIS = [
  'inquiries', 'responseRate', 'firstResponseSeconds', 'averageResponseSeconds', 'withinThresholdRate',
  'inquiryConversion', 'averageOrderValue', 'csat',
].map((name) => HEADLINE_KPIS.find((kpi) => kpi.name === name));

/** The hourly chart's KPIs. */
export const HOURLY_KPIS = ['inquiries', 'averageResponseSeconds'];

const COUNT_KINDS = new Set(['count']);

/**
 * Sums KPI answers rows into groups. Every KPI of the API is numerator / denominator over records that each belong
 * to exactly one shop, day and hour, so the sums over several such groups are the KPI of their union: the console
 * filters shops and builds totals this way instead of asking the API once per combination.
 *
 * @param rows the `rows` of a `GET /api/v1/kpis` answer
 * @param keyOf row group -> the key to add it to (undefined to leave the row out)
 * @returns Map key -> Map kpi -> {numerator, denominator, final, variants: Set}
 */
export function aggregate(rows, keyOf) {
  const groups = new Map();
  for (const row of rows) {
    const key = keyOf(row.group);
    if (key === undefined) continue;
    let kpis = groups.get(key);
    if (!kpis) {
      kpis = new Map();
      groups.set(key, kpis);
    }
    for (const [name, answer] of Object.entries(row.kpis)) {
      let sum = kpis.get(name);
      if (!sum) {
        sum = { numerator: 0, denominator: 0, hasDenominator: false, final: true, variants: new Set() };
        kpis.set(name, sum);
      }
      sum.numerator += Number(answer.numerator ?? 0);
      if (answer.denominator !== null && answer.denominator !== undefined) {
        sum.hasDenominator = true;
        sum.denominator += Number(answer.denominator);
      }
      sum.final = sum.final && answer.final !== false;
      if (answer.variant) answer.variant.split(';').forEach((variant) => sum.variants.add(variant));
    }
  }
  return groups;
}

/** The value of a summed KPI: the count itself, or numerator / denominator (null when the denominator is 0). */
export function valueOf(sum, kind) {
  if (!sum) return null;
  if (COUNT_KINDS.has(kind) || !sum.hasDenominator) return sum.numerator;
  return sum.denominator === 0 ? null : sum.numerator / sum.denominator;
}

/**
 * How a value stands against its engagement's target: 'met', 'missed', or null when there is no target or no value.
 */
export function againstTarget(value, target, limit) {
  if (value === null || value === undefined || limit === null || limit === undefined) return null;
  const bound = Number(limit);
  return (target.direction === 'max' ? value <= bound : value >= bound) ? 'met' : 'missed';
}

/** The local dates from `from` to `to` (ISO yyyy-mm-dd, both included). */
export function daysOf(from, to) {
  const days = [];
  const day = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  while (day <= end) {
    days.push(day.toISOString().slice(0, 10));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return days;
}

/** `iso` shifted by `delta` days. */
export function plusDays(iso, delta) {
  const day = new Date(`${iso}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + delta);
  return day.toISOString().slice(0, 10);
}

/** The days of the period by inquiries, busiest first (ties: the earlier day first). */
export function peakDays(inquiriesByDay) {
  return [...inquiriesByDay.entries()]
    .filter(([, inquiries]) => inquiries > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([day]) => day);
}

/**
 * Keeps the header and the lines of the chosen shops of an API CSV answer grouped by shop (column `shop`). The
 * API's CSV has no quoted commas in group keys (ids), so the shop column can be found by position.
 */
export function csvForShops(csv, shopIds) {
  const lines = csv.split('\r\n');
  const header = lines[0].split(',');
  const shopColumn = header.indexOf('shop');
  if (shopColumn < 0 || !shopIds) return csv;
  const chosen = new Set(shopIds);
  const kept = lines.slice(1).filter((line) => line !== '' && chosen.has(line.split(',')[shopColumn]));
  return [lines[0], ...kept, ''].join('\r\n');
}
