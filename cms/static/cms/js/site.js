// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";
  // Live character count under reflection answers.
  document.querySelectorAll("textarea[data-min-length]").forEach(function (area) {
    var counter = document.getElementById(area.getAttribute("data-counter"));
    if (!counter) return;
    var min = parseInt(area.getAttribute("data-min-length"), 10) || 0;
    var template = counter.getAttribute("data-template") || "{n}";
    var update = function () {
      var n = area.value.trim().length;
      counter.textContent = template.replace("{n}", n).replace("{min}", min);
    };
    area.addEventListener("input", update);
    update();
  });
  // Stop a double click from submitting a step twice (the server ignores repeats anyway).
  document.querySelectorAll("form[data-once]").forEach(function (form) {
    form.addEventListener("submit", function () {
      window.setTimeout(function () {
        form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
      }, 0);
    });
  });
})();
