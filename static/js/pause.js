/* Pause: small, optional enhancements. Every page works without this file. */
(function () {
  "use strict";

  /* Quick exit: leave for a neutral site, replacing this page in the history so
     Back does not return here. Escape pressed twice within a second does the same. */
  var exitLink = document.querySelector("[data-quick-exit]");
  if (exitLink) {
    var leave = function (event) {
      if (event) { event.preventDefault(); }
      document.documentElement.classList.add("leaving");
      window.location.replace(exitLink.href);
    };
    exitLink.addEventListener("click", leave);
    var lastEscape = 0;
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      var now = Date.now();
      if (now - lastEscape < 1000) {
        leave();
        now = 0;  // a third press arms again rather than starting a second exit that cancels the first
      }
      lastEscape = now;
    });
  }
  // A "Print" button on login cards; without script the page says to use the browser's Print.
  var printButtons = document.querySelectorAll("[data-print]");
  for (var i = 0; i < printButtons.length; i++) {
    printButtons[i].hidden = false;
    printButtons[i].addEventListener("click", function () { window.print(); });
  }
})();
