// Draws the charts of a page from the data the server wrote into data-chart. Every chart
// also has a table with the same figures, so nothing is lost without this script.
(function () {
  'use strict';

  var PALETTE = ['#2855c5', '#0f766e', '#7c3aed', '#b45309', '#be123c'];
  var LEVELS = { NEGATIVE: '#b91c1c', NONE: '#9ca3af', LOW: '#fbbf24', MEDIUM: '#34d399', HIGH: '#047857' };
  var QUADRANTS = { FIX_FIRST: '#b91c1c', KEEP_UP: '#047857', LOW_PRIORITY: '#9ca3af', POSSIBLE_OVERKILL: '#2855c5' };

  function round(value, decimals) {
    return (value === null || value === undefined) ? '–' : Number(value).toFixed(decimals);
  }

  function trend(data) {
    var band = data.upper.map(function (upper, i) {
      return (upper === null || data.lower[i] === null) ? null : upper - data.lower[i];
    });
    return {
      color: [PALETTE[0]],
      grid: { left: 44, right: 12, top: 16, bottom: 28 },
      tooltip: {
        trigger: 'axis',
        formatter: function (items) {
          var i = items[0].dataIndex;
          return data.x[i] + '<br>' + data.name + ': ' + round(data.y[i], data.decimals) + '<br>' + data.band + ': '
            + round(data.lower[i], data.decimals) + ' – ' + round(data.upper[i], data.decimals);
        }
      },
      xAxis: { type: 'category', data: data.x, boundaryGap: false },
      yAxis: { type: 'value', scale: true,
        min: data.min === undefined ? null : function (extent) { return Math.max(data.min, Math.floor(extent.min)); },
        max: data.max === undefined ? null : function (extent) { return Math.min(data.max, Math.ceil(extent.max)); } },
      series: [
        { name: 'lower', type: 'line', data: data.lower, stack: 'ci', stackStrategy: 'all', symbol: 'none',
          lineStyle: { opacity: 0 }, silent: true },
        { name: data.band, type: 'line', data: band, stack: 'ci', stackStrategy: 'all', symbol: 'none',
          lineStyle: { opacity: 0 }, areaStyle: { color: PALETTE[0], opacity: 0.15 }, silent: true },
        { name: data.name, type: 'line', data: data.y, symbolSize: 6, connectNulls: true }
      ]
    };
  }

  function stack(data) {
    return {
      grid: { left: 40, right: 12, top: 40, bottom: 28 },
      legend: { top: 0, itemWidth: 12, itemHeight: 10 },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + '%'; } },
      xAxis: { type: 'category', data: data.x },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: data.series.map(function (s) {
        return { name: s.name, type: 'bar', stack: 'levels', data: s.data, itemStyle: { color: LEVELS[s.level] } };
      })
    };
  }

  function quadrant(data) {
    var series = data.points.map(function (p) {
      return {
        name: p.name, type: 'line', symbol: 'none', silent: true, lineStyle: { color: QUADRANTS[p.quadrant], width: 2 },
        data: (p.lower === null) ? [] : [[p.lower, p.y], [p.upper, p.y]]
      };
    });
    series.push({
      name: data.name, type: 'scatter', symbolSize: 14,
      data: data.points.map(function (p) {
        return { value: [p.x, p.y], name: p.name, itemStyle: { color: QUADRANTS[p.quadrant] } };
      }),
      label: { show: true, position: 'right', formatter: function (item) { return item.name; } },
      markLine: {
        silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#6b7280' },
        data: [{ xAxis: data.meanX }, { yAxis: data.meanY }]
      }
    });
    return {
      grid: { left: 48, right: 24, top: 16, bottom: 44 },
      tooltip: {
        trigger: 'item',
        formatter: function (item) {
          return item.name + '<br>' + data.xName + ': ' + round(item.value[0], 1) + '<br>' + data.yName + ': '
            + round(item.value[1], 2);
        }
      },
      xAxis: { type: 'value', name: data.xName, nameLocation: 'middle', nameGap: 26, scale: true },
      yAxis: { type: 'value', name: data.yName, scale: true },
      series: series
    };
  }

  function bars(data) {
    return {
      color: [PALETTE[0], PALETTE[1]],
      grid: { left: 8, right: 16, top: 28, bottom: 16, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', scale: !data.fromZero },
      yAxis: { type: 'category', data: data.y, inverse: true },
      series: data.series.map(function (s) { return { name: s.name, type: 'bar', data: s.data }; })
    };
  }

  // Diverging bars from zero: short of expectation (red) to the left, beyond it (green) to
  // the right, each with its interval as a line across the bar's end.
  function gaps(data) {
    var series = [{
      name: data.name, type: 'bar', barMaxWidth: 22,
      data: data.points.map(function (p) {
        return { value: p.value, itemStyle: { color: p.value < 0 ? LEVELS.NEGATIVE : LEVELS.HIGH },
          label: { position: p.value < 0 ? 'left' : 'right' } };
      }),
      label: { show: true, color: '#1f2937', distance: 8, backgroundColor: '#ffffff', padding: [1, 3],
        formatter: function (item) { return (item.value > 0 ? '+' : '') + round(item.value, 2); } }
    }];
    data.points.forEach(function (p, i) {
      if (p.lower !== null) {
        series.push({ name: data.band, type: 'line', symbol: 'none', silent: true, z: 3,
          lineStyle: { color: '#374151', width: 2 }, data: [[p.lower, i], [p.upper, i]] });
      }
    });
    var reach = data.points.reduce(function (most, p) {
      return Math.max(most, Math.abs(p.lower === null ? p.value : p.lower), Math.abs(p.upper === null ? p.value : p.upper));
    }, 0.5);
    return {
      grid: { left: 8, right: 16, top: 8, bottom: 16, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: function (item) {
          var p = data.points[item.dataIndex];
          return p.name + '<br>' + data.name + ': ' + round(p.value, 2) + ' (n ' + p.n + ')<br>' + data.band + ': '
            + round(p.lower, 2) + ' – ' + round(p.upper, 2);
        }
      },
      xAxis: { type: 'value', min: -Math.min(6, Math.ceil(reach)), max: Math.min(6, Math.ceil(reach)) },
      yAxis: { type: 'category', inverse: true, data: data.points.map(function (p) { return p.name; }),
        axisLabel: { width: 180, overflow: 'truncate' } },
      series: series
    };
  }

  var builders = { trend: trend, stack: stack, quadrant: quadrant, bars: bars, gaps: gaps };

  function draw() {
    if (!window.echarts) {
      return;
    }
    var charts = [];
    document.querySelectorAll('[data-chart]').forEach(function (element) {
      var data = JSON.parse(element.getAttribute('data-chart'));
      var build = builders[data.type];
      if (!build) {
        return;
      }
      var chart = window.echarts.init(element, null, { renderer: 'svg' });
      var option = build(data);
      // Drawn at once: no motion to sit through, and what is shown is final when marked drawn.
      option.animation = false;
      chart.setOption(option);
      element.setAttribute('data-drawn', 'true');
      charts.push(chart);
      pngButton(element, chart);
    });
    window.addEventListener('resize', function () {
      charts.forEach(function (chart) { chart.resize(); });
    });
  }

  // A chart is drawn as SVG (crisp, small, searchable); for a PNG the SVG is painted onto a
  // canvas at twice its size on white, so the picture pastes well into slides and mails.
  function pngButton(element, chart) {
    var label = document.body.getAttribute('data-chart-png');
    if (!label) {
      return;
    }
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'button button-small button-quiet chart-png';
    button.textContent = label;
    var name = (element.getAttribute('aria-label') || 'chart').trim();
    button.setAttribute('aria-label', label + ': ' + name);
    button.addEventListener('click', function () {
      png(chart, function (blob) {
        download(blob, name.replace(/[\\/:*?"<>|\s]+/g, '-') + '.png');
      });
    });
    element.insertAdjacentElement('afterend', button);
  }

  function png(chart, done) {
    var scale = 2;
    var width = chart.getWidth();
    var height = chart.getHeight();
    var svg = new Blob([chart.renderToSVGString()], { type: 'image/svg+xml;charset=utf-8' });
    var url = URL.createObjectURL(svg);
    var image = new Image();
    image.onload = function () {
      var canvas = document.createElement('canvas');
      canvas.width = width * scale;
      canvas.height = height * scale;
      var context = canvas.getContext('2d');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob(done, 'image/png');
    };
    image.src = url;
  }

  function download(blob, file) {
    var link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = file;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  function csv(button) {
    var table = document.querySelector(button.getAttribute('data-csv'));
    if (!table) {
      return;
    }
    var lines = [];
    table.querySelectorAll('tr').forEach(function (row) {
      var cells = [];
      row.querySelectorAll('th, td').forEach(function (cell) {
        cells.push('"' + cell.textContent.trim().replace(/\s+/g, ' ').replace(/"/g, '""') + '"');
      });
      lines.push(cells.join(','));
    });
    var blob = new Blob(['\ufeff' + lines.join('\r\n')], { type: 'text/csv;charset=utf-8' });
    download(blob, button.getAttribute('data-file') || 'table.csv');
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-csv]');
    if (button) {
      csv(button);
    }
  });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
