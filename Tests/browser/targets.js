// WCAG 2.2 2.5.8 (target size, minimum) over the page: the targets under 24×24 CSS px whose
// 24 px circle meets another target (or another small one's circle). A link inside a sentence
// is exempt, as the criterion says. Returns what fails, for the test's message.
var sel = "a[href], button, input, select, summary, textarea";
var all = Array.prototype.slice.call(document.querySelectorAll(sel)).filter(function (e) {
  var r = e.getBoundingClientRect(); var s = getComputedStyle(e);
  return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && (!e.checkVisibility || e.checkVisibility());
});
function inline(e) {
  // WCAG 2.5.8 exception: a link inside a sentence (its block has other text).
  if (e.tagName !== "A") return false;
  var s = getComputedStyle(e); if (s.display !== "inline") return false;
  var block = e.parentElement;
  while (block && getComputedStyle(block).display === "inline") block = block.parentElement;
  if (!block) return false;
  var text = block.textContent.replace(/\s+/g, " ").trim();
  var links = Array.prototype.slice.call(block.querySelectorAll("a")).map(function (a) { return a.textContent; }).join("");
  return text.replace(/\s/g, "").length - links.replace(/\s/g, "").length > 15;
}
var boxes = all.map(function (e) { var r = e.getBoundingClientRect(); return {e: e, r: r, cx: r.left + r.width / 2, cy: r.top + r.height / 2, small: r.width < 24 || r.height < 24}; });
function hits(c, r) { var dx = Math.max(r.left - c.cx, 0, c.cx - r.right); var dy = Math.max(r.top - c.cy, 0, c.cy - r.bottom); return dx * dx + dy * dy < 144; }
var bad = [];
boxes.forEach(function (a) {
  if (!a.small || inline(a.e)) return;
  var clash = boxes.some(function (b) {
    if (b === a || a.e.contains(b.e) || b.e.contains(a.e)) return false;
    if (hits(a, b.r)) return true;
    if (b.small) { var dx = a.cx - b.cx, dy = a.cy - b.cy; return dx * dx + dy * dy < 576; }
    return false;
  });
  if (clash) bad.push((a.e.textContent || a.e.getAttribute("aria-label") || a.e.tagName).trim().slice(0, 30) + " " + Math.round(a.r.width) + "x" + Math.round(a.r.height));
});
return bad;
