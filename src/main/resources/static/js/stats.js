// Draws the statistics dashboard's charts with Chart.js. Each <canvas data-chart="..."> carries its figures as
// JSON in the attribute (data, not script); the table next to it holds the same figures, so the page reads the
// same without this file. A null value is a figure hidden by the privacy floor: the chart leaves a gap.
(function () {
  'use strict';
  if (typeof window.Chart === 'undefined') {
    return;
  }
  var palette = ['#2f5d8a', '#f0a500', '#0b6e4f', '#b02a37', '#6f42c1', '#495057'];
  var reduceMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  function dataset(d, i) {
    var color = palette[i % palette.length];
    var line = d.type === 'line';
    return {
      label: d.label,
      data: d.data,
      type: d.type,
      backgroundColor: line ? color : color + 'cc',
      borderColor: color,
      borderWidth: line ? 2 : 1,
      borderDash: d.dashed ? [6, 4] : [],
      pointRadius: (line && !d.dashed) ? 3 : 0,
      tension: 0.2,
      spanGaps: false,
      order: line ? 0 : 1
    };
  }

  function draw(canvas) {
    var spec;
    try {
      spec = JSON.parse(canvas.getAttribute('data-chart'));
    } catch (e) {
      return;
    }
    var valueAxis = {
      beginAtZero: true,
      title: { display: Boolean(spec.axis), text: spec.axis },
      ticks: spec.integer ? { precision: 0 } : {}
    };
    if (spec.max) {
      valueAxis.max = spec.max;
    }
    var scales = spec.horizontal ? { x: valueAxis } : { y: valueAxis };
    new window.Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: spec.datasets.map(dataset) },
      options: {
        indexAxis: spec.horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: true,
        aspectRatio: spec.horizontal ? 1.4 : 2,
        animation: reduceMotion ? false : { duration: 400 },
        scales: scales,
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }

  document.querySelectorAll('canvas[data-chart]').forEach(draw);
})();
