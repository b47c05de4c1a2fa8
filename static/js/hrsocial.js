// Small progressive enhancements; every page works without this file.
document.addEventListener("htmx:responseError", function (event) {
  // Tell the user when an htmx request fails instead of silently doing nothing.
  const status = document.getElementById("htmx-status");
  if (status) {
    status.textContent = status.dataset.errorText || "Something went wrong.";
    status.hidden = false;
  }
});
