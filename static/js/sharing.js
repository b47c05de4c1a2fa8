// Share page: "Copy text" copies the chosen text to the clipboard and says so. The button is
// hidden in the HTML and shown here, once a click on it can do something: a visible button
// before this script ran (a slow phone, a busy server) ignored the click. Without JavaScript,
// or without a clipboard, the text stays visible to select and copy by hand.
function showCopyButtons() {
  if (!navigator.clipboard) {
    return;
  }
  document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    button.hidden = false;
  });
}

document.addEventListener("click", function (event) {
  const button = event.target.closest("[data-copy-target]");
  if (!button) {
    return;
  }
  const source = document.querySelector(button.dataset.copyTarget);
  const status = document.getElementById(button.dataset.copyStatus);
  if (!source) {
    return;
  }
  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }
  navigator.clipboard.writeText(source.value || source.textContent).then(
    function () {
      say(button.dataset.copiedText);
    },
    function () {
      // Refused (no permission, page not focused): select the text for a copy by hand.
      source.focus();
      if (source.select) {
        source.select();
      }
      say(button.dataset.copyFailedText);
    },
  );
});

showCopyButtons();
