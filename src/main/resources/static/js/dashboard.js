// GovHall supervision dashboards: draws each chart from the table it names (data-table); the table stays the
// accessible source of the figures and the page works without script. Needs ECharts (webjar) loaded first.
(function () {
  'use strict';

  function numberOf(row, name) {
    var v = row.getAttribute(name);
    return v === null || v === '' ? null : Math.round(Number(v) * 10) / 10;
  }

  function draw(el) {
    var table = document.getElementById(el.getAttribute('data-table'));
    if (!table || typeof window.echarts === 'undefined') {
      return;
    }
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr[data-name]'));
    if (rows.length === 0) {
      return;
    }
    var elder = document.body.classList.contains('elder');
    var narrow = window.matchMedia('(max-width: 640px)').matches;
    var size = elder ? 18 : 12;
    var names = rows.map(function (r) { return r.getAttribute('data-name'); });
    el.classList.add('drawn');
    var chart = window.echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      color: ['#0b57d0', '#1e7b34', '#b3121b'],
      textStyle: { fontSize: size },
      // rich-text tooltips are drawn on the canvas: no HTML with inline styles, which the CSP forbids
      tooltip: { trigger: 'axis', renderMode: 'richText', textStyle: { fontSize: size } },
      legend: { top: 0, textStyle: { fontSize: size } },
      grid: { left: 8, right: 8, bottom: 8, top: elder ? 72 : 48, containLabel: true },
      xAxis: {
        type: 'category',
        data: names,
        axisLabel: { fontSize: size, interval: 0, rotate: names.length > 4 || narrow ? 35 : 0, hideOverlap: true }
      },
      yAxis: [
        { type: 'value', minInterval: 1, axisLabel: { fontSize: size } },
        { type: 'value', min: 0, max: 100, axisLabel: { fontSize: size, formatter: '{value}%' }, splitLine: { show: false } }
      ],
      series: [
        { name: el.getAttribute('data-received'), type: 'bar', data: rows.map(function (r) { return numberOf(r, 'data-received'); }) },
        { name: el.getAttribute('data-completed'), type: 'bar', data: rows.map(function (r) { return numberOf(r, 'data-completed'); }) },
        { name: el.getAttribute('data-rate'), type: 'line', yAxisIndex: 1, connectNulls: false,
          data: rows.map(function (r) { return numberOf(r, 'data-rate'); }) }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-dashboard-chart]'), draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  }
  else {
    start();
  }
})();
