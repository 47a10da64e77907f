// Message bundles (i18n/<locale>.json) and number, currency and date formats of the chosen locale.

export const LOCALES = ['en', 'zh-CN'];
const STORAGE_KEY = 'bpo.console.locale';

/** The locale to start with: the one chosen before, else the browser's if it is Chinese, else English. */
export function initialLocale() {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (LOCALES.includes(stored)) return stored;
  return (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function rememberLocale(locale) {
  localStorage.setItem(STORAGE_KEY, locale);
}

/** One locale's messages and formats. */
export class Messages {
  constructor(locale, bundle) {
    this.locale = locale;
    this.bundle = bundle;
    this.integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    this.percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    this.seconds = new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 1 });
    this.currency = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' });
    this.score = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    this.exact = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    this.date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    this.shortDate = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  }

  static async load(locale) {
    const answer = await fetch(`i18n/${locale}.json`);
    if (!answer.ok) throw new Error(`message bundle ${locale}: HTTP ${answer.status}`);
    return new Messages(locale, await answer.json());
  }

  /** The message `key` with `{name}` placeholders filled; the key itself when the bundle lacks it. */
  t(key, values = {}) {
    const message = this.bundle[key] ?? key;
    return message.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
  }

  /** A KPI value for display; an em dash when there is none. */
  value(value, kind) {
    if (value === null || value === undefined || Number.isNaN(value)) return '—';
    switch (kind) {
      case 'count': return this.integer.format(value);
      case 'rate': return this.percent.format(value);
      case 'seconds': return this.seconds.format(value);
      case 'currency': return this.currency.format(value);
      case 'score': return this.score.format(value);
      default: return this.exact.format(value);
    }
  }

  /** A plain number as counted (numerators and denominators). */
  number(value) {
    return this.exact.format(value);
  }

  /** A local date (yyyy-mm-dd, the brand's day) in this locale. */
  day(iso) {
    return this.date.format(new Date(`${iso}T00:00:00Z`));
  }

  shortDay(iso) {
    return this.shortDate.format(new Date(`${iso}T00:00:00Z`));
  }

  /** Writes the messages into every element with data-i18n (text) and sets the document's language. */
  apply(root = document) {
    document.documentElement.lang = this.locale;
    root.querySelectorAll('[data-i18n]').forEach((element) => {
      element.textContent = this.t(element.dataset.i18n);
    });
  }
}
