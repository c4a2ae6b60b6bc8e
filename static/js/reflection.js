/* Reflections stay in this tab: saved to sessionStorage as you type, never sent. Not localStorage:
   on a shared classroom computer the next person must not find them, so they go when the tab closes.
   The textarea has no name, so the form never includes it. */
(function () {
  "use strict";
  var storage;
  try { storage = window.sessionStorage; storage.getItem("pause:probe"); } catch (e) { return; }
  document.querySelectorAll("textarea[data-reflection-key]").forEach(function (box) {
    var key = box.getAttribute("data-reflection-key");
    var wrapper = box.closest(".reflection");
    var saved = wrapper && wrapper.querySelector(".reflection-saved");
    var clear = wrapper && wrapper.querySelector("[data-reflection-clear]");
    box.value = storage.getItem(key) || "";
    if (saved) { saved.hidden = false; }
    if (clear) {
      clear.hidden = false;
      clear.addEventListener("click", function () {
        storage.removeItem(key);
        box.value = "";
        box.focus();
      });
    }
    box.addEventListener("input", function () {
      if (box.value) { storage.setItem(key, box.value); } else { storage.removeItem(key); }
    });
  });
  // The result page: the reflection's prompt and the note this tab kept, only when there is one.
  document.querySelectorAll("[data-reflection-result]").forEach(function (section) {
    var text = storage.getItem(section.getAttribute("data-reflection-result"));
    var quote = section.querySelector("[data-reflection-text]");
    if (!text || !quote) { return; }
    quote.textContent = text;
    section.hidden = false;
  });
})();
