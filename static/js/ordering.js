/* An ordering question's Move up / Move down buttons, in place. Without this script they are submit
   buttons and the server redraws the list in its new order; with it, the item moves here, focus stays
   on the button pressed, and the status line (a live region) says where the item went. The hidden
   "order" fields move with their items, so "Check my answer" sends the order shown. */
(function () {
  "use strict";
  document.querySelectorAll("[data-ordering]").forEach(function (list) {
    var form = list.closest("form");
    var status = form && form.querySelector("[data-ordering-status]");

    function announce(message) {
      if (!status) { return; }
      status.textContent = "";  // so the same words twice are announced twice
      window.setTimeout(function () { status.textContent = message; }, 50);
    }

    function refresh() {
      var items = Array.prototype.slice.call(list.children);
      items.forEach(function (item, place) {
        item.querySelectorAll("button[data-move]").forEach(function (button) {
          var edge = button.getAttribute("data-move") === "up" ? place === 0 : place === items.length - 1;
          if (edge) { button.setAttribute("aria-disabled", "true"); } else { button.removeAttribute("aria-disabled"); }
        });
      });
    }

    list.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-move]");
      if (!button || !list.contains(button)) { return; }
      event.preventDefault();
      var item = button.closest("li");
      var up = button.getAttribute("data-move") === "up";
      var text = item.querySelector(".ordering-text").textContent.trim();
      var neighbour = up ? item.previousElementSibling : item.nextElementSibling;
      if (!neighbour) {
        announce("“" + text + "” is already " + (up ? "first" : "last") + ".");
        return;
      }
      if (up) { list.insertBefore(item, neighbour); } else { list.insertBefore(neighbour, item); }
      refresh();
      button.focus();
      var items = Array.prototype.slice.call(list.children);
      announce("Moved “" + text + "” to position " + (items.indexOf(item) + 1) + " of " + items.length + ".");
    });
    refresh();
  });
})();
