/* Pause: reading controls and read-aloud. Optional: every page works without this file.
   Settings stay in this browser (localStorage); speech uses the browser's own voices, so the
   text never leaves the device. Loaded in <head> without defer so the stored settings apply
   before the page is drawn (no flash); the controls are built once the page has loaded. */
(function () {
  "use strict";
  var root = document.documentElement;
  var KEY = "pause-reading";
  var DEFAULTS = { size: "0", spacing: "0", font: "0" };

  function load() {
    var saved = {};
    try { saved = JSON.parse(window.localStorage.getItem(KEY) || "{}") || {}; } catch (e) { saved = {}; }
    return {
      size: ["0", "1", "2"].indexOf(saved.size) >= 0 ? saved.size : "0",
      spacing: ["0", "1"].indexOf(saved.spacing) >= 0 ? saved.spacing : "0",
      font: saved.font === "1" ? "1" : "0"
    };
  }
  function apply(settings) {
    root.setAttribute("data-text-size", settings.size);
    root.setAttribute("data-line-spacing", settings.spacing);
    root.setAttribute("data-reading-font", settings.font);
  }
  function save(settings) {
    try { window.localStorage.setItem(KEY, JSON.stringify(settings)); } catch (e) { /* private mode: this page only */ }
  }
  var settings = load();
  apply(settings);

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var name in attrs) { if (attrs.hasOwnProperty(name)) { node.setAttribute(name, attrs[name]); } }
    if (text) { node.textContent = text; }
    return node;
  }

  function readingControls() {
    var details = el("details", { "class": "reading-settings" });
    details.appendChild(el("summary", {}, "Reading settings"));
    var body = el("div", { "class": "reading-settings-body" });
    var groups = [
      ["size", "Text size", [["0", "Standard"], ["1", "Large"], ["2", "Larger"]]],
      ["spacing", "Line spacing", [["0", "Standard"], ["1", "Wide"]]]
    ];
    groups.forEach(function (group) {
      var fieldset = el("fieldset", {});
      fieldset.appendChild(el("legend", {}, group[1]));
      group[2].forEach(function (choice) {
        var id = "reading-" + group[0] + "-" + choice[0];
        var wrap = el("span", { "class": "form-check form-check-inline" });
        var input = el("input", { "class": "form-check-input", type: "radio", name: "reading-" + group[0], id: id, value: choice[0] });
        input.checked = settings[group[0]] === choice[0];
        input.addEventListener("change", function () { settings[group[0]] = choice[0]; apply(settings); save(settings); });
        wrap.appendChild(input);
        wrap.appendChild(el("label", { "class": "form-check-label", "for": id }, choice[1]));
        fieldset.appendChild(wrap);
      });
      body.appendChild(fieldset);
    });
    var fontWrap = el("div", { "class": "form-check" });
    var font = el("input", { "class": "form-check-input", type: "checkbox", id: "reading-font" });
    font.checked = settings.font === "1";
    font.addEventListener("change", function () { settings.font = font.checked ? "1" : "0"; apply(settings); save(settings); });
    fontWrap.appendChild(font);
    fontWrap.appendChild(el("label", { "class": "form-check-label", "for": "reading-font" }, "Easier-to-read font"));
    body.appendChild(fontWrap);
    var reset = el("button", { type: "button", "class": "btn btn-link p-0" }, "Reset");
    reset.addEventListener("click", function () {
      settings = { size: DEFAULTS.size, spacing: DEFAULTS.spacing, font: DEFAULTS.font };
      apply(settings);
      try { window.localStorage.removeItem(KEY); } catch (e) { /* nothing stored */ }
      body.querySelectorAll("input").forEach(function (input) {
        input.checked = input.type === "radio" ? input.value === "0" : false;
      });
    });
    body.appendChild(reset);
    details.appendChild(body);
    return details;
  }

  /* What read-aloud leaves out: the Listen and settings controls, forms (the help finder's options
     are not text to read), navigation, buttons, and visually hidden decoration. The visually hidden
     words of a story block (a <figure>: "Chat between…", "Sam says:") are kept: they tell a
     listener who is speaking, as they tell a screen reader. */
  var SKIP = "[data-reading-ui], [hidden], [aria-hidden='true'], script, style, template, form, select, " +
    "textarea, input, button, label, nav, [role='navigation'], .visually-hidden-focusable, .visually-hidden";
  var BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, blockquote, figure, figcaption, dt, dd, tr, th, td, caption, " +
    "pre, section, article, aside, header, footer, div, ul, ol, dl, table";
  var CHUNK = 220; /* characters: a few sentences, well under the length some browsers cut speech off at */

  /* A paragraph in pieces of whole sentences, each piece at most about CHUNK characters. */
  function sentences(paragraph) {
    if (paragraph.length <= CHUNK) { return [paragraph]; }
    var pieces = paragraph.match(/[^.!?\u2026]+(?:[.!?\u2026]+["'\u201d\u2019)\]]*|$)\s*/g) || [paragraph];
    var chunks = [];
    var chunk = "";
    pieces.forEach(function (piece) {
      piece = piece.trim();
      if (!piece) { return; }
      if (chunk && (chunk + " " + piece).length > CHUNK) { chunks.push(chunk); chunk = piece; }
      else { chunk = chunk ? chunk + " " + piece : piece; }
    });
    if (chunk) { chunks.push(chunk); }
    return chunks;
  }

  /* The text of a cloned part of the page, as its paragraphs (one per block: a heading, a paragraph,
     a list item, a chat message), each split into sentence-sized chunks. */
  function chunksOf(copy) {
    copy.querySelectorAll(SKIP).forEach(function (node) {
      var story = node.classList && node.classList.contains("visually-hidden") && node.closest && node.closest("figure");
      if (!story) { node.remove(); }
    });
    copy.querySelectorAll(BLOCKS).forEach(function (node) {
      node.insertBefore(document.createTextNode("\n"), node.firstChild);
      node.appendChild(document.createTextNode("\n"));
    });
    var chunks = [];
    (copy.textContent || "").split("\n").forEach(function (line) {
      var paragraph = line.replace(/\s+/g, " ").trim();
      if (paragraph) { chunks.push.apply(chunks, sentences(paragraph)); }
    });
    return chunks;
  }

  /* The readable parts: from each h2 (or the h1 for the opening) to the next, each in chunks. */
  function sections(container) {
    var headings = Array.prototype.slice.call(container.querySelectorAll("h1, h2")).filter(function (heading) {
      return !heading.closest("[data-reading-ui], form, nav, [hidden]");
    });
    var list = [];
    headings.forEach(function (heading, index) {
      var range = document.createRange();
      range.setStartBefore(heading);
      if (index + 1 < headings.length) { range.setEndBefore(headings[index + 1]); }
      else { range.setEndAfter(container.lastChild); }
      var holder = document.createElement("div");
      holder.appendChild(range.cloneContents());
      var chunks = chunksOf(holder);
      if (chunks.length) { list.push({ heading: heading, chunks: chunks }); }
    });
    return list;
  }

  function listen(container, tools) {
    var speech = window.speechSynthesis;
    var parts = sections(container);
    if (!parts.length) { return; }
    var current = -1;
    var run = 0; /* a new run on every start and stop: a cancelled chunk's late "end" starts nothing */
    var listenButton = el("button", { type: "button", "class": "btn btn-outline-primary btn-sm" }, "Listen");
    var pauseButton = el("button", { type: "button", "class": "btn btn-outline-secondary btn-sm", hidden: "" }, "Pause");
    var stopButton = el("button", { type: "button", "class": "btn btn-outline-secondary btn-sm", hidden: "" }, "Stop");
    var status = el("span", { "class": "visually-hidden", role: "status" });

    function mark(index) {
      parts.forEach(function (part, i) {
        part.heading.classList.toggle("reading-now", i === index);
        if (i === index) { part.heading.setAttribute("aria-current", "true"); } else { part.heading.removeAttribute("aria-current"); }
      });
    }
    function stop() {
      var paused = pauseButton.textContent !== "Pause";
      run += 1;
      current = -1;
      speech.cancel();
      if (paused) { speech.resume(); } /* some browsers stay paused after cancel: the next Listen would be silent */
      mark(-1);
      listenButton.hidden = false;
      pauseButton.hidden = true;
      stopButton.hidden = true;
      pauseButton.textContent = "Pause";
      status.textContent = "";
    }
    /* One chunk at a time: the next is handed to the browser when this one ends, so Pause holds the
       queue where it is, Stop and Quick exit leave nothing queued, and the section stays highlighted. */
    function say(index, chunk, thisRun) {
      if (thisRun !== run) { return; }
      if (index >= parts.length) { stop(); return; }
      if (chunk >= parts[index].chunks.length) { say(index + 1, 0, thisRun); return; }
      if (chunk === 0) {
        current = index;
        mark(index);
        parts[index].heading.scrollIntoView({ block: "nearest" });
        status.textContent = "Reading: " + (parts[index].heading.textContent || "").trim();
      }
      var utterance = new window.SpeechSynthesisUtterance(parts[index].chunks[chunk]);
      utterance.lang = root.lang || "en";
      var next = function () { say(index, chunk + 1, thisRun); };
      utterance.onend = next;
      utterance.onerror = function (event) {
        /* "interrupted"/"canceled" come from our own cancel (an old run); anything else: skip the chunk */
        if (!event || (event.error !== "interrupted" && event.error !== "canceled")) { next(); }
      };
      speech.speak(utterance);
    }
    function speak(index) { run += 1; say(index, 0, run); }
    listenButton.addEventListener("click", function () {
      speech.cancel();
      listenButton.hidden = true;
      pauseButton.hidden = false;
      stopButton.hidden = false;
      speak(0);
      pauseButton.focus();
    });
    pauseButton.addEventListener("click", function () {
      if (pauseButton.textContent === "Pause") { speech.pause(); pauseButton.textContent = "Resume"; }
      else { speech.resume(); pauseButton.textContent = "Pause"; }
    });
    stopButton.addEventListener("click", function () { stop(); listenButton.focus(); });

    var quitSpeech = function () { if (current >= 0 || speech.speaking) { stop(); } };
    var exitLink = document.querySelector("[data-quick-exit]");
    if (exitLink) { exitLink.addEventListener("click", quitSpeech); }
    document.addEventListener("keydown", function (event) { if (event.key === "Escape") { quitSpeech(); } });
    window.addEventListener("pagehide", quitSpeech);
    document.addEventListener("visibilitychange", function () { if (document.hidden) { quitSpeech(); } });

    var group = el("span", { "class": "listen-controls d-inline-flex flex-wrap gap-2", role: "group", "aria-label": "Read aloud" });
    group.appendChild(listenButton);
    group.appendChild(pauseButton);
    group.appendChild(stopButton);
    group.appendChild(status);
    tools.insertBefore(group, tools.firstChild);
  }

  function setUp() {
    var container = document.querySelector("[data-readable]");
    if (!container) { return; }
    var tools = el("div", { "class": "reading-tools d-flex flex-wrap align-items-start gap-3 mb-3", "data-reading-ui": "" });
    tools.appendChild(readingControls());
    var heading = container.querySelector("h1");
    if (heading && heading.parentNode) { heading.parentNode.insertBefore(tools, heading.nextSibling); }
    else { container.insertBefore(tools, container.firstChild); }
    if (window.speechSynthesis && typeof window.SpeechSynthesisUtterance === "function") {
      listen(container, tools);
    }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", setUp); } else { setUp(); }
})();
