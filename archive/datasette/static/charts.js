// news-archive charts: each <canvas data-src=...> is drawn with the bundled Chart.js.
(function () {
  "use strict";
  async function draw(canvas, query) {
    const response = await fetch(canvas.dataset.src + (query || ""));
    const data = await response.json();
    const existing = Chart.getChart(canvas);
    if (existing) existing.destroy();
    const horizontal = canvas.dataset.kind === "bar" && data.chart !== "edits";
    new Chart(canvas, {
      type: canvas.dataset.kind,
      data: data,
      options: {
        animation: false,
        indexAxis: horizontal ? "y" : "x",
        plugins: { legend: { display: data.datasets.length > 1 } },
      },
    });
    canvas.dataset.drawn = "true";
  }
  document.querySelectorAll("canvas[data-src]").forEach((canvas) => draw(canvas));
  const period = document.getElementById("coverage-by");
  if (period) {
    period.addEventListener("change", () =>
      draw(document.getElementById("chart-coverage"), "?by=" + period.value));
  }
})();
