/* Practice checks in a lesson (courses/_practice_check.html): with JavaScript the answer is shown in place,
   without a reload; the feedback for every answer is already in the page (it is practice, not a secret).
   Nothing is sent or kept. Without JavaScript the form posts and the lesson comes back with the feedback. */
(function () {
  "use strict";
  document.querySelectorAll("form[data-practice-check]").forEach(function (form) {
    var feedback = form.querySelector(".practice-feedback");
    if (!feedback) { return; }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = form.querySelector('input[name="answer"]:checked');
      var shown = null;
      feedback.querySelectorAll(".practice-answer").forEach(function (answer) {
        var match = chosen ? answer.getAttribute("data-option") === chosen.value : answer.hasAttribute("data-missing");
        answer.hidden = !match;
        if (match) { shown = answer; }
      });
      if (shown) {
        // Focus moves to the feedback, so a screen reader reads it and the keyboard carries on from there.
        feedback.focus();
      }
    });
  });
})();
