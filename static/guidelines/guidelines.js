// Practice 1, small enhancements; every page works without them.
(function () {
  function openAllExplanations() {
    document.querySelectorAll("details.tip-body").forEach(function (details) {
      details.open = true;
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    // A form that came back with errors: start at the summary of what to fix.
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
      summary.focus();
    }
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        openAllExplanations();
        window.print();
      });
    });
  });
  // Printing from the browser's menu shows the explanations too.
  window.addEventListener("beforeprint", openAllExplanations);
  // After htmx swaps in an answer, move focus to it (or to the field that needs fixing), so
  // keyboard and screen-reader users follow.
  document.addEventListener("htmx:afterSettle", function () {
    var focus = document.querySelector("[data-focus-after-swap]") ||
      document.querySelector("form .is-invalid");
    if (focus) {
      focus.focus();
      focus.removeAttribute("data-focus-after-swap");
    }
  });
})();
