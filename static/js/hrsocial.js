// Small progressive enhancements; every page works without this file.
// No inline scripts anywhere (Content-Security-Policy): data comes from meta tags and data-
// attributes.

document.addEventListener("htmx:configRequest", function (event) {
  // Django's CSRF token on every htmx request, from <meta name="csrf-token"> in base.html.
  const meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) {
    event.detail.headers["X-CSRFToken"] = meta.content;
  }
});
document.addEventListener("htmx:responseError", function (event) {
  // Tell the user when an htmx request fails instead of silently doing nothing.
  const status = document.getElementById("htmx-status");
  if (status) {
    status.textContent = status.dataset.errorText || "Something went wrong.";
    status.hidden = false;
  }
});
