/* Pause: present a lesson (courses/present.html). Optional: without it the slides are stacked and
   their Previous and Next links jump between them. With it one slide shows at a time:
   → Page Down Space next, ← Page Up (Shift+Space) previous, Home and End the first and last.
   Escape is left alone: pressed twice it is Quick exit (pause.js). Nothing is fetched. */
(function () {
  "use strict";
  var deck = document.querySelector("[data-presentation]");
  if (!deck) { return; }
  var slides = Array.prototype.slice.call(deck.querySelectorAll("[data-slide]"));
  var status = deck.querySelector("[data-slide-status]");
  var current = 0;
  if (!slides.length) { return; }

  function indexOf(id) {
    for (var i = 0; i < slides.length; i++) { if (slides[i].id === id) { return i; } }
    return -1;
  }
  function show(index, focus) {
    index = Math.max(0, Math.min(slides.length - 1, index));
    for (var i = 0; i < slides.length; i++) { slides[i].hidden = i !== index; }
    current = index;
    if (status) { status.textContent = "Slide " + (index + 1) + " of " + slides.length; }
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", "#" + slides[index].id);
    }
    if (focus) {
      // The slide's top just under the sticky Quick exit bar (its scroll-margin), at once, not animated.
      slides[index].focus({ preventScroll: true });
      slides[index].scrollIntoView({ block: "start", behavior: "instant" });
    }
  }

  deck.classList.add("presenting");
  var start = indexOf(window.location.hash.slice(1));
  show(start < 0 ? 0 : start, false);

  deck.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-slide-go]") : null;
    if (!link) { return; }
    var target = indexOf(link.getAttribute("href").slice(1));
    if (target < 0) { return; }
    event.preventDefault();
    show(target, true);
  });

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) { return; }
    var target = event.target;
    if (target.closest && target.closest("input, textarea, select, [contenteditable], summary, button")) { return; }
    var step = 0;
    switch (event.key) {
      case "ArrowRight": case "PageDown": step = 1; break;
      case "ArrowLeft": case "PageUp": step = -1; break;
      case " ": step = event.shiftKey ? -1 : 1; break;
      case "Home": show(0, true); event.preventDefault(); return;
      case "End": show(slides.length - 1, true); event.preventDefault(); return;
      default: return;  // Escape included: Quick exit's
    }
    event.preventDefault();
    show(current + step, true);
  });

  /* "Open presenter notes" in a second window; closed when this page goes (Quick exit too). */
  var notesLink = deck.querySelector("[data-presenter-notes]");
  var notesWindow = null;
  if (notesLink) {
    notesLink.addEventListener("click", function (event) {
      event.preventDefault();
      notesWindow = window.open(notesLink.href, "pause-presenter-notes", "popup,width=640,height=720");
      if (!notesWindow) { window.location.href = notesLink.href; }
    });
  }
  function closeNotes() {
    if (notesWindow && !notesWindow.closed) { notesWindow.close(); }
  }
  window.addEventListener("pagehide", closeNotes);
  // Quick exit (pause.js) marks the page "leaving" before it goes: the notes go at once with it.
  if (window.MutationObserver) {
    new MutationObserver(function () {
      if (document.documentElement.classList.contains("leaving")) { closeNotes(); }
    }).observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  }
})();
