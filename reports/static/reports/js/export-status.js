// The export status page: asks for the job's progress every two seconds and updates the bar;
// reloads the page once the file is ready (or failed), which then shows the download link.
// Without JavaScript a <noscript> refresh does the same, less smoothly.
(function () {
  "use strict";
  var box = document.getElementById("export-job");
  if (!box || !box.hasAttribute("data-poll")) return;
  var url = box.getAttribute("data-status-url");
  var bar = document.getElementById("export-progress");
  var rows = document.getElementById("export-rows");
  var poll = function () {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) { window.setTimeout(poll, 5000); return; }
        if (data.finished) { window.location.reload(); return; }
        if (bar) { bar.value = data.progress; bar.textContent = data.progress + " / 100"; }
        if (rows && data.rows_total) { rows.textContent = data.rows_done + " / " + data.rows_total; }
        window.setTimeout(poll, 2000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  };
  window.setTimeout(poll, 1000);
})();
