// The web edition's only script, and only an enhancement: every page reads and
// every download works without it. A table or chart box that is wider than the
// window scrolls sideways; this makes such a box (and only such a box) a tab stop
// with a name, so a keyboard can scroll it and a screen reader says what it is.
/* global window, document */
(function () {
  "use strict";
  var boxes = document.querySelectorAll("[data-scroll-label]");
  function update() {
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", box.getAttribute("data-scroll-label") + ", rull sideveis");
      } else {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    }
  }
  var pending = false;
  window.addEventListener("resize", function () {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      update();
    });
  });
  update();
})();
