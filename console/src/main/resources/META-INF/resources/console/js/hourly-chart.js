// The hourly chart of one day (ECharts, shipped in this jar and loaded only when the chart is first drawn).

let echartsModule;
let chart;

function echarts() {
  echartsModule ??= import('../vendor/echarts/echarts.esm.min.js');
  return echartsModule;
}

/**
 * Bars: inquiries per hour and vendor (left axis); lines: average response time of the same hour (right axis).
 * @param series [{vendor, inquiries: number[], responseSeconds: (number|null)[]}]
 */
export async function renderHourlyChart(element, hours, series, messages) {
  const lib = await echarts();
  if (!chart || chart.getDom() !== element) {
    chart = lib.init(element, null, { renderer: 'canvas' });
    window.addEventListener('resize', () => chart.resize());
  }
  const inquiriesName = messages.t('kpi.inquiries');
  const secondsName = messages.t('kpi.averageResponseSeconds');
  chart.setOption({
    animation: false,
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value) => (value === null || value === undefined ? '—' : messages.number(value)),
    },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: hours },
    yAxis: [
      { type: 'value', name: inquiriesName, minInterval: 1 },
      { type: 'value', name: messages.t('hourly.seconds'), splitLine: { show: false } },
    ],
    series: series.flatMap((one) => [
      { name: `${one.vendor} · ${inquiriesName}`, type: 'bar', data: one.inquiries },
      {
        name: `${one.vendor} · ${secondsName}`, type: 'line', yAxisIndex: 1, connectNulls: false,
        data: one.responseSeconds.map((value) => (value === null ? null : Math.round(value * 10) / 10)),
      },
    ]),
  }, true);
}
