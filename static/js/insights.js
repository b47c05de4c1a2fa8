// Insights' charts (Chart.js, vendored in static/vendor/chartjs-4.6.1). No inline scripts
// (Content-Security-Policy): each <canvas data-chart="id"> reads its published figures from
// the <script type="application/json" id="id"> that json_script wrote beside it. Readable
// without colour: each line its own dash pattern and point shape, a legend with labels, and
// the same figures in the table beneath.
(function () {
  "use strict";
  var DASHES = [[], [8, 4], [2, 3], [12, 4, 2, 4]];
  var POINTS = ["circle", "rect", "triangle", "crossRot"];
  var COLOURS = ["#0b5394", "#b45f06", "#38761d", "#741b47"];

  function datasetsOf(data) {
    var sets = data.datasets.map(function (set, i) {
      return {
        label: set.label,
        data: set.data,
        borderColor: COLOURS[i % COLOURS.length],
        backgroundColor: data.type === "bar" ? "rgba(11, 83, 148, 0.35)" : COLOURS[i % COLOURS.length],
        borderWidth: 2,
        borderDash: DASHES[i % DASHES.length],
        pointStyle: POINTS[i % POINTS.length],
        pointRadius: 3,
        spanGaps: false,
      };
    });
    if (data.target !== undefined && data.target !== null) {
      sets.push({
        label: document.documentElement.lang === "nl" ? "Doel" : "Target",
        data: data.labels.map(function () { return data.target; }),
        borderColor: "#444", borderWidth: 1, borderDash: [14, 6], pointRadius: 0, type: "line",
      });
    }
    return sets;
  }

  function draw(canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (!source || typeof Chart === "undefined") {
      return;
    }
    var data = JSON.parse(source.textContent);
    new Chart(canvas, {
      type: data.type || "line",
      data: { labels: data.labels, datasets: datasetsOf(data) },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { labels: { usePointStyle: true } } },
        scales: { y: { beginAtZero: true, ticks: { callback: function (v) { return data.unit ? v + " " + data.unit : v; } } } },
      },
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("canvas[data-chart]").forEach(draw);
  });
})();
