// Draws the report's charts from the JSON in #report-data with the inlined chart.js.
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('report-data').textContent);

  // One colour family per design: dark (oracle, bad debt, end), mid (pair), light (fundamental, repaid, start).
  var families = [
    ['#1d4e89', '#3f7fc4', '#8db5e3'],
    ['#b5520f', '#e8812f', '#f2b884'],
    ['#1e7a45', '#3fae6a', '#94d3a9'],
    ['#5b3a94', '#8a63c9', '#c3b0e8'],
    ['#a32020', '#d9534f', '#eea6a4'],
    ['#0f6f73', '#2aa3a8', '#9bd6d8']
  ];
  var neutral = '#6b7280';
  var shockColor = '#b42318';

  function family(i) { return families[i % families.length]; }

  function alpha(hex, a) {
    var n = parseInt(hex.slice(1), 16);
    return 'rgba(' + ((n >> 16) & 255) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + a + ')';
  }

  var numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  function fmt(v) { return v === null || v === undefined ? 'n/a' : numberFormat.format(v); }

  function points(xs, ys) {
    return xs.map(function (x, i) { return { x: x, y: ys[i] }; });
  }

  // Vertical marker lines with a label (the shock block, marked prices).
  var markers = {
    id: 'markers',
    afterDatasetsDraw: function (chart, args, options) {
      var lines = options.lines || [];
      var x = chart.scales.x;
      var area = chart.chartArea;
      var ctx = chart.ctx;
      lines.forEach(function (m, row) {
        if (m.value === null || m.value === undefined) { return; }
        var px = x.getPixelForValue(m.value);
        if (!isFinite(px) || px < area.left - 1 || px > area.right + 1) { return; }
        ctx.save();
        ctx.strokeStyle = m.color;
        ctx.fillStyle = m.color;
        ctx.lineWidth = 1.25;
        ctx.setLineDash(m.dash || [5, 4]);
        ctx.beginPath();
        ctx.moveTo(px, area.top);
        ctx.lineTo(px, area.bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.font = '600 11px ' + Chart.defaults.font.family;
        var width = ctx.measureText(m.label).width;
        var right = px + 5 + width > area.right;
        var left = right ? px - 5 - width : px + 5;
        var baseline = area.top + 12 + row * 15;
        ctx.fillStyle = 'rgba(255,255,255,0.85)';
        ctx.fillRect(left - 2, baseline - 10, width + 4, 13);
        ctx.fillStyle = m.color;
        ctx.textAlign = 'left';
        ctx.fillText(m.label, left, baseline);
        ctx.restore();
      });
    }
  };

  Chart.register(markers);
  Chart.defaults.animation = false;
  Chart.defaults.locale = 'en-US';
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
  Chart.defaults.font.size = 12;
  Chart.defaults.color = '#5b6475';
  Chart.defaults.borderColor = '#e9ecf1';
  Chart.defaults.plugins.legend.position = 'bottom';
  Chart.defaults.plugins.legend.labels.boxWidth = 28;
  Chart.defaults.plugins.legend.labels.boxHeight = 10;
  Chart.defaults.plugins.tooltip.callbacks.label = function (item) {
    return ' ' + item.dataset.label + ': ' + fmt(item.parsed.y);
  };

  var priceUnit = data.loan + ' per ' + data.collateral;
  var shockLine = { value: data.shockBlock, label: 'shock (block ' + data.shockBlock + ')', color: shockColor };

  function axisTitle(text) { return { display: true, text: text }; }

  // Line legends show each series' dash style; the band shows as a filled box.
  function lineLegend(chartData) {
    return {
      labels: {
        usePointStyle: true,
        pointStyleWidth: 30,
        filter: function (item) { return !chartData.datasets[item.datasetIndex].hideInLegend; }
      }
    };
  }

  function priceChart() {
    var datasets = [];
    data.designs.forEach(function (d, i) {
      var f = family(i);
      if (d.band) {
        datasets.push({
          label: d.name + ' oracle low', hideInLegend: true, data: points(d.band.block, d.band.low),
          borderWidth: 0, pointRadius: 0, fill: false
        });
        datasets.push({
          label: d.name + ' oracle, range of ' + d.runs + ' runs', data: points(d.band.block, d.band.high),
          borderWidth: 0, pointRadius: 0, backgroundColor: alpha(f[0], 0.14), fill: '-1', pointStyle: 'rect'
        });
      }
      datasets.push({ label: d.name + ' oracle', data: points(d.block, d.oracle), borderColor: f[0], backgroundColor: f[0], borderWidth: 2.25 });
      datasets.push({ label: d.name + ' pair', data: points(d.block, d.pair), borderColor: f[1], backgroundColor: f[1], borderWidth: 1.75, borderDash: [7, 4] });
      if (!data.sharedFundamental) {
        datasets.push({ label: d.name + ' fundamental', data: points(d.block, d.fundamental), borderColor: f[2], backgroundColor: f[2], borderWidth: 2, borderDash: [2, 3] });
      }
    });
    if (data.sharedFundamental) {
      datasets.push({
        label: 'fundamental (all designs)', data: points(data.sharedFundamental.block, data.sharedFundamental.price),
        borderColor: neutral, backgroundColor: neutral, borderWidth: 2, borderDash: [2, 3]
      });
    }
    datasets.forEach(function (ds) {
      ds.pointRadius = 0;
      ds.pointHoverRadius = 3;
      ds.tension = 0;
      ds.pointStyle = ds.pointStyle || 'line';
    });
    var chartData = { datasets: datasets };
    return new Chart(document.getElementById('chart-prices'), {
      type: 'line',
      data: chartData,
      options: {
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: {
          x: { type: 'linear', title: axisTitle('block'), ticks: { precision: 0 } },
          y: { title: axisTitle(priceUnit), ticks: { callback: fmt } }
        },
        plugins: { legend: lineLegend(chartData), markers: { lines: [shockLine] } }
      }
    });
  }

  function liquidationChart() {
    var longest = data.designs.reduce(function (a, d) { return d.block.length > a.length ? d.block : a; }, []);
    var datasets = [];
    data.designs.forEach(function (d, i) {
      var f = family(i);
      datasets.push({ label: d.name + ' repaid by liquidators', data: d.repaid, backgroundColor: f[2], stack: 'design-' + i, liquidations: d.liquidations });
      datasets.push({ label: d.name + ' bad debt', data: d.badDebt, backgroundColor: f[0], stack: 'design-' + i });
    });
    var shockIndex = longest.indexOf(data.shockBlock);
    return new Chart(document.getElementById('chart-liquidations'), {
      type: 'bar',
      data: { labels: longest, datasets: datasets },
      options: {
        interaction: { mode: 'index', intersect: false },
        datasets: { bar: { categoryPercentage: 0.85, barPercentage: 0.95 } },
        scales: {
          x: { stacked: true, title: axisTitle('block'), grid: { display: false } },
          y: { stacked: true, beginAtZero: true, title: axisTitle(data.loan + ' per block'), ticks: { callback: fmt } }
        },
        plugins: {
          tooltip: {
            filter: function (item) { return item.parsed.y > 0; },
            callbacks: {
              afterLabel: function (item) {
                var n = item.dataset.liquidations ? item.dataset.liquidations[item.dataIndex] : null;
                return n ? '   ' + n + (n === 1 ? ' liquidation' : ' liquidations') : '';
              }
            }
          },
          markers: { lines: shockIndex >= 0 ? [{ value: shockIndex, label: shockLine.label, color: shockColor }] : [] }
        }
      }
    });
  }

  function mapChart(d, i) {
    var f = family(i);
    var bins = data.bins;
    var lines = [
      { value: data.initialPrice, label: 'initial ' + fmt(data.initialPrice), color: neutral },
      { value: data.lowestFundamental, label: 'shocked fundamental ' + fmt(data.lowestFundamental), color: shockColor },
      { value: d.lowestOracle, label: 'lowest oracle ' + fmt(d.lowestOracle), color: f[0], dash: [2, 3] }
    ];
    return new Chart(document.getElementById('chart-map-' + i), {
      type: 'bar',
      data: {
        datasets: [
          {
            label: 'before the run (' + d.openStart + ' open)', data: points(bins.center, d.mapStart),
            backgroundColor: f[2], grouped: false, barPercentage: 1, categoryPercentage: 1, order: 1
          },
          {
            label: 'after the run (' + d.openEnd + ' open)', data: points(bins.center, d.mapEnd),
            backgroundColor: alpha(f[0], 0.85), grouped: false, barPercentage: 0.55, categoryPercentage: 1, order: 0
          }
        ]
      },
      options: {
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { type: 'linear', min: bins.low, max: bins.high, offset: false, title: axisTitle('liquidation price (' + priceUnit + ')'), ticks: { callback: fmt } },
          y: { beginAtZero: true, title: axisTitle('positions'), ticks: { precision: 0 } }
        },
        plugins: {
          legend: { labels: { sort: function (a, b) { return a.datasetIndex - b.datasetIndex; } } },
          tooltip: {
            callbacks: {
              title: function (items) {
                var c = items[0].parsed.x;
                return fmt(c - bins.width / 2) + ' to ' + fmt(c + bins.width / 2);
              }
            }
          },
          markers: { lines: lines }
        }
      }
    });
  }

  priceChart();
  liquidationChart();
  data.designs.forEach(mapChart);
})();
