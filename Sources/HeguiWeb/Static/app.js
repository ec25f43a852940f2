// hegui serve: the little script there is. Pages work without it.
document.addEventListener("DOMContentLoaded", function () {
  // A print button prints the review pack shown in its frame.
  document.querySelectorAll("[data-print-frame]").forEach(function (button) {
    button.addEventListener("click", function () {
      var frame = document.getElementById(button.getAttribute("data-print-frame"));
      if (frame && frame.contentWindow) { frame.contentWindow.focus(); frame.contentWindow.print(); }
    });
  });
  // A long check shows that it is running and is not sent twice.
  document.querySelectorAll("form[data-busy]").forEach(function (form) {
    form.addEventListener("submit", function () {
      var busy = form.querySelector(".busy");
      if (busy) { busy.hidden = false; }
      form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
    });
  });
});
