/* «Версия для слабовидящих» (ГОСТ Р 52872-2019): the settings bar under the eye button.
   The saved settings are put on <html> by a few lines in each page's <head>, before the first
   paint; this script shows the button (without JavaScript there is nothing it could do),
   keeps the bar's buttons pressed as chosen and saves each choice in this browser. */
(function () {
  "use strict";
  var KEY = "okrug-a11y";
  var DEFAULTS = { size: "150", scheme: "bw", spacing: "0", leading: "0", images: "on", font: "sans" };
  var root = document.documentElement;
  var toggle = document.querySelector(".a11y-toggle");
  var panel = document.getElementById("a11y-panel");
  if (!toggle || !panel || !document.querySelectorAll) return;

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(KEY));
      if (!saved) return null;
      var settings = {};
      for (var key in DEFAULTS) settings[key] = saved[key] || DEFAULTS[key];
      return settings;
    } catch (e) {
      return null;
    }
  }

  function save(settings) {
    try {
      if (settings) window.localStorage.setItem(KEY, JSON.stringify(settings));
      else window.localStorage.removeItem(KEY);
    } catch (e) { /* private mode: the settings hold for this page */ }
  }

  // Where pictures are switched off, their descriptions take their place. A picture with an
  // empty description (a PDF's first page beside its name) is decoration: it just goes.
  function describeImages() {
    var images = document.querySelectorAll("main img:not([alt=''])");
    for (var i = 0; i < images.length; i++) {
      var image = images[i];
      var next = image.nextElementSibling;
      if (next && next.className === "a11y-alt") continue;
      var text = document.createElement("span");
      text.className = "a11y-alt";
      text.textContent = "Изображение: " + (image.getAttribute("alt") || "без описания");
      image.parentNode.insertBefore(text, image.nextSibling);
    }
  }

  // The version's stylesheet: the head of the page adds it when the version was on; turned on
  // here, it is added now.
  function loadStylesheet() {
    if (document.getElementById("a11y-css")) return;
    var script = document.querySelector("script[data-stylesheet]");
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.id = "a11y-css";
    link.href = script.getAttribute("data-stylesheet");
    document.head.appendChild(link);
  }

  function apply(settings) {
    if (settings) loadStylesheet();
    for (var key in DEFAULTS) {
      if (settings) root.setAttribute("data-a11y-" + key, settings[key]);
      else root.removeAttribute("data-a11y-" + key);
    }
    if (settings) root.setAttribute("data-a11y", "");
    else root.removeAttribute("data-a11y");
    var buttons = panel.querySelectorAll("[data-a11y-set]");
    for (var i = 0; i < buttons.length; i++) {
      var chosen = settings && settings[buttons[i].getAttribute("data-a11y-set")] === buttons[i].value;
      buttons[i].setAttribute("aria-pressed", chosen ? "true" : "false");
    }
    toggle.setAttribute("aria-expanded", settings ? "true" : "false");
    if (settings && settings.images === "off") describeImages();
  }

  var settings = load();
  apply(settings);
  toggle.hidden = false;
  toggle.addEventListener("click", function () {
    if (!settings) {
      settings = {};
      for (var key in DEFAULTS) settings[key] = DEFAULTS[key];
      save(settings);
      apply(settings);
    }
    var details = panel.querySelector("details");
    if (details) details.open = true;
    window.scrollTo(0, 0);
    panel.querySelector("[aria-pressed=true]").focus();
  });
  panel.addEventListener("click", function (event) {
    var button = event.target;
    while (button && button !== panel && button.tagName !== "BUTTON") button = button.parentNode;
    if (!button || button === panel) return;
    if (button.hasAttribute("data-a11y-reset")) {
      settings = null;
      save(null);
      apply(null);
      toggle.focus();
      return;
    }
    settings[button.getAttribute("data-a11y-set")] = button.value;
    save(settings);
    apply(settings);
  });
})();
