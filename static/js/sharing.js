// Share page: "Copy text" copies the chosen text to the clipboard and says so. Without
// JavaScript the text stays visible to select and copy by hand.
document.addEventListener("click", function (event) {
  const button = event.target.closest("[data-copy-target]");
  if (!button) {
    return;
  }
  const source = document.querySelector(button.dataset.copyTarget);
  const status = document.getElementById(button.dataset.copyStatus);
  if (!source || !navigator.clipboard) {
    return;
  }
  navigator.clipboard.writeText(source.value || source.textContent).then(function () {
    if (status) {
      status.textContent = button.dataset.copiedText;
    }
  });
});
