// okrug: search (/search/) and instant filters (/materials/) over Pagefind's JavaScript API.
// Progressive enhancement: without JavaScript the pages keep their links and listings.

const FILTER_ORDER = ["тип", "школа", "направление", "форма", "предмет", "класс"];

function plural(n, one, few, many) {
  const m10 = n % 10, m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}

function found(n) {
  return `Найдено: ${n} ${plural(n, "результат", "результата", "результатов")}`;
}

function element(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

// In the preview (okrug serve) the pages saved since its index was made are indexed apart,
// in pagefind-saved/ beside it, with their addresses: that index is merged in, and the older
// copies of those pages in the main one are left out. A published site has no such folder.
let savedPages = null;

async function mergeSaved(pagefind, bundle) {
  if (!window.okrugPreview) return null;
  try {
    const response = await fetch(bundle + "../pagefind-saved/okrug-saved.json", { cache: "no-store" });
    if (!response.ok) return null;
    const addresses = new Set(await response.json());
    await pagefind.mergeIndex(bundle + "../pagefind-saved/", { mergeFilter: { okrug: "saved" } });
    return addresses;
  } catch (error) {
    return null;
  }
}

// Pagefind's search, with the older copies of saved pages answering `null` from data().
async function find(pagefind, q, options) {
  const response = await pagefind.search(q, options);
  if (!savedPages) return response.results;
  const newer = await pagefind.search(q, { ...options, filters: { ...options.filters, okrug: "saved" } });
  const fresh = new Set(newer.results.map((r) => r.id));
  return response.results.map((r) => fresh.has(r.id) ? r : {
    id: r.id,
    data: async () => { const data = await r.data(); return savedPages.has(data.url) ? null : data; },
  });
}

async function loadPagefind(container, status) {
  if (typeof WebAssembly !== "object") {
    // The same note as for a browser without modules: what works instead, with its links.
    const note = document.querySelector(".search-old");
    if (note) note.hidden = false;
    else status.textContent = "Этот браузер не\u00a0может выполнить поиск: он\u00a0устарел. Выберите материалы по\u00a0разделам каталога.";
    return null;
  }
  try {
    const pagefind = await import(container.dataset.bundle + "pagefind.js");
    await pagefind.options({ baseUrl: container.dataset.base, excerptLength: 24 });
    savedPages = await mergeSaved(pagefind, container.dataset.bundle);
    await pagefind.init();
    return pagefind;
  } catch (error) {
    status.textContent = "Поиск сейчас недоступен: на\u00a0сайте нет поискового индекса. Материалы можно выбрать по\u00a0разделам каталога.";
    return null;
  }
}

function readState(filterNames) {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const name of filterNames) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return { q: params.get("q") || "", filters };
}

function writeState(q, filters) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

function buildSelects(box, available) {
  const selects = {};
  for (const name of FILTER_ORDER) {
    const values = available[name];
    if (!values || Object.keys(values).length < 2) continue;
    const label = element("label", { class: "facets__field" });
    label.append(element("span", { class: "facets__label" }, name[0].toUpperCase() + name.slice(1)));
    const select = element("select", { name });
    select.append(element("option", { value: "" }, "все"));
    for (const value of Object.keys(values).sort((a, b) => a.localeCompare(b, "ru"))) {
      select.append(element("option", { value }, `${value} (${values[value]})`));
    }
    label.append(select);
    box.append(label);
    selects[name] = select;
  }
  return selects;
}

// Pagefind's excerpt of a section starts with the section's heading: it is shown apart, so
// the excerpt loses it (the words of the heading may be marked, so text is cut node by node).
function dropLeadingText(container, text) {
  if (!container.textContent.startsWith(text)) return;
  let left = text.length;
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  for (const node of nodes) {
    if (left <= 0) break;
    const take = Math.min(left, node.data.length);
    node.data = node.data.slice(take);
    left -= take;
  }
  for (const mark of container.querySelectorAll("mark")) if (!mark.textContent) mark.remove();
}

// A file's page (its text, or «Читать онлайн») lives in its material's folder:
// materials/x/tekst/file/ → materials/x/.
function materialOf(url) {
  const at = url.search(/\/(tekst|chitat)\//);
  return at < 0 ? url : url.slice(0, at + 1);
}

// «в файле «Программа семинара», с. 2»: a page of a file is a section whose anchor is s-2.
function placeInFile(data, section) {
  let place = `в\u00a0файле «${data.meta.file}»`;
  const page = section && /#s-(\d+)$/.exec(section.url);
  if (page && data.meta.unit) place += `, ${data.meta.unit} ${page[1]}`;
  else if (section && section.title && section.title !== data.meta.file) place += `, «${section.title}»`;
  return place;
}

// What a result is, at a glance: the words of the «тип» filter, as a label.
const KIND_LABELS = { "материал": "Материал", "мероприятие плана": "Мероприятие плана", "файл": "Файл" };

function renderResult(data) {
  const item = element("li", { class: "search-result" });
  const kind = ((data.filters || {})["тип"] || [])[0];
  if (KIND_LABELS[kind]) {
    item.append(element("p", { class: `search-result__kind search-result__kind--${kind === "материал" ? "material" : kind === "файл" ? "file" : "activity"}` }, KIND_LABELS[kind]));
  }
  const title = element("h2", { class: "search-result__title" });
  const inFile = Boolean(data.meta.file);
  title.append(element("a", { href: inFile ? materialOf(data.url) : data.url }, data.meta.title || data.url));
  item.append(title);
  // What it is, whose, when: «семинар · МБОУ «СОШ №13» · 14 февраля 2023 г.».
  // (A file's or an activity's kind is its label already.)
  const facts = [KIND_LABELS[kind] && kind !== "материал" ? "" : data.meta.kind, data.meta.school, data.meta.date]
    .filter(Boolean).join(" · ");
  if (facts) item.append(element("p", { class: "search-result__meta" }, facts));
  // The section the words were found in, with its heading apart from its text: the page's
  // own excerpt runs headings into the sentences around them.
  const section = (data.sub_results || []).find(
    (sub) => sub.title && sub.title !== data.meta.title && sub.excerpt && sub.excerpt.includes("<mark>"));
  const text = section ? section.excerpt : data.excerpt;
  if (inFile) {
    // Where in the file the words are, as a link to that page of its text.
    const where = element("p", { class: "search-result__file" });
    where.append(element("a", { href: section ? section.url : data.url }, placeInFile(data, section)));
    item.append(where);
  }
  if (text) {
    const excerpt = element("p", { class: "search-result__excerpt" });
    // Pagefind's excerpt is escaped page text with <mark> around the words found.
    const body = element("span");
    body.innerHTML = text;
    if (section) {
      dropLeadingText(body, section.title);
      // Pagefind puts «. » between a heading and its text.
      if (body.firstChild && body.firstChild.nodeType === 3) body.firstChild.data = body.firstChild.data.replace(/^[\s.]+/, "");
    }
    if (section && !inFile) {
      excerpt.append(element("strong", { class: "search-result__section" }, section.title + ": "));
    }
    excerpt.append(body);
    item.append(excerpt);
  }
  return item;
}

async function searchPage(container) {
  const form = container.querySelector(".search-form");
  const input = form.querySelector("input[name=q]");
  const status = container.querySelector(".search-status");
  const list = container.querySelector(".search-results");
  const more = container.querySelector(".search-more");
  const pagefind = await loadPagefind(container, status);
  if (!pagefind) return;

  const box = container.querySelector(".search-filters");
  const fold = container.querySelector(".search-filters-fold");
  const summary = fold.querySelector("summary");
  const selects = buildSelects(box, await pagefind.filters());
  fold.hidden = Object.keys(selects).length === 0;
  // Open on a wide screen; on a phone the results come first, the filters under «Фильтры».
  fold.open = window.matchMedia("(min-width: 48rem)").matches;
  function countFilters() {
    const active = Object.values(selects).filter((select) => select.value).length;
    summary.textContent = active ? `Фильтры (${active})` : "Фильтры";
  }
  // The words' code (a third of this script) is this page's alone: /materials/ has no query.
  let words = null;
  try {
    words = await import(new URL(container.dataset.words, location.href).href);
  } catch (error) {
    words = null;  // search goes on, without forgiving
  }
  // In the preview, the words of the pages saved since its index was made are beside their index.
  const vocabulary = words && new words.Vocabulary(container.dataset.bundle + (savedPages ? "../pagefind-saved/" : ""));
  const asTyped = (q) => ({ words: q.split(/\s+/).filter(Boolean), corrected: [], layout: [], unknown: [], suggestions: new Map() });

  const state = readState(Object.keys(selects));
  // Words typed while the index was loading are kept.
  input.value = state.q || input.value;
  for (const [name, value] of Object.entries(state.filters)) selects[name].value = value;
  countFilters();

  let shown = [], results = [], run = 0;
  async function showMore() {
    const mine = run;
    const next = results.slice(shown.length, shown.length + 20);
    shown = shown.concat(next);
    more.hidden = shown.length >= results.length;
    // The first few are fetched and shown first: on a slow line the rest would share its speed.
    for (const part of [next.slice(0, 5), next.slice(5)]) {
      const data = await Promise.all(part.map((r) => r.data()));
      if (mine !== run) return;
      for (const entry of data) if (entry) list.append(renderResult(entry));
    }
  }
  // A word as a link that runs the search with it instead of `raw`.
  function suggestion(q, raw, form) {
    const link = element("a", { href: "?q=" + encodeURIComponent(q.replace(raw, form)) }, form);
    link.addEventListener("click", (event) => { event.preventDefault(); input.value = q.replace(raw, form); search(); });
    return link;
  }
  // «Возможно, вы искали: семинар, семинары» for each word the site does not have.
  function suggestions(q, meant) {
    const nodes = [];
    for (const [raw, forms] of meant.suggestions) {
      nodes.push(` Возможно, вы\u00a0искали: `);
      forms.forEach((form, index) => { if (index) nodes.push(", "); nodes.push(suggestion(q, raw, form)); });
      nodes.push(".");
    }
    return nodes;
  }
  function quoted(words) {
    return words.map((w) => `«${w}»`).join(", ");
  }
  async function search() {
    const mine = ++run;
    const q = input.value.trim();
    const filters = {};
    for (const [name, select] of Object.entries(selects)) if (select.value) filters[name] = select.value;
    writeState(q, filters);
    countFilters();
    if (!q && Object.keys(filters).length === 0) {
      list.replaceChildren(); status.textContent = ""; more.hidden = true; return;
    }
    const meant = words ? await words.understand(q, vocabulary) : asTyped(q);
    if (mine !== run) return;
    const query = meant.words.join(" ");
    const note = [];
    if (meant.layout.length) {
      note.push(`Показаны результаты по\u00a0запросу «${query}»: ${quoted(meant.layout.map((p) => p[0]))} набрано в\u00a0другой раскладке клавиатуры. `);
    } else if (meant.corrected.length) {
      note.push(`Показаны результаты по\u00a0запросу «${query}»: на\u00a0сайте нет слова ${quoted(meant.corrected.map((p) => p[0]))}. `);
    }
    if (q && !query) {
      // Nothing of the query is on the site: no pages matched on a letter of it.
      results = []; shown = []; list.replaceChildren(); more.hidden = true;
      status.replaceChildren(`Ничего не\u00a0найдено по\u00a0запросу «${q}»: таких слов на\u00a0сайте нет.`, ...suggestions(q, meant),
        " Проверьте написание, попробуйте другие слова или уберите фильтры.");
      return;
    }
    if (meant.unknown.length) {
      note.push(`${meant.unknown.length > 1 ? "Слов" : "Слова"} ${quoted(meant.unknown)} на\u00a0сайте нет — показаны результаты без ${meant.unknown.length > 1 ? "них" : "него"}. `);
    }
    const matches = await find(pagefind, query || null, { filters, sort: query ? undefined : { date: "desc" } });
    if (mine !== run) return;
    results = matches; shown = [];
    list.replaceChildren();
    if (results.length === 0) {
      status.replaceChildren(...note, query
        ? `Ничего не\u00a0найдено по\u00a0запросу «${query}».`
        : "Ничего не\u00a0найдено: уберите часть фильтров.", ...suggestions(q, meant),
        query ? " Проверьте написание, попробуйте другие слова или уберите фильтры." : "");
      more.hidden = true;
      return;
    }
    status.replaceChildren(...note, found(results.length) + ".", ...suggestions(q, meant));
    await showMore();
  }
  let timer;
  input.addEventListener("input", () => {
    // The words' letters load while the teacher types: a typo costs no wait after «Найти».
    for (const word of words ? words.normal(input.value).split(/[^\p{L}]+/u) : []) {
      if (word.length >= 3) { vocabulary.letter(word); vocabulary.letter(words.otherLayout(word)); }
    }
    // So do the parts of Pagefind's index the words need.
    if (input.value.trim().length >= 3) pagefind.preload(input.value.trim());
    clearTimeout(timer); timer = setTimeout(search, 250);
  });
  form.addEventListener("submit", (event) => { event.preventDefault(); search(); });
  for (const select of Object.values(selects)) select.addEventListener("change", search);
  more.querySelector("button").addEventListener("click", showMore);
  await search();
  container.dataset.ready = "true";
}

async function facets(form) {
  const status = form.querySelector(".facets__status");
  const pagefind = await loadPagefind(form, status);
  if (!pagefind) return;
  const selects = {};
  for (const select of form.querySelectorAll("select")) selects[select.name] = select;
  const results = form.querySelector(".facets__results");
  const listing = document.querySelectorAll(".listing-cards, .pagination");
  form.hidden = false;
  const state = readState(Object.keys(selects));
  for (const [name, value] of Object.entries(state.filters)) selects[name].value = value;
  let run = 0;
  async function filter() {
    const mine = ++run;
    const filters = { "тип": "материал" };
    for (const [name, select] of Object.entries(selects)) if (select.value) filters[name] = select.value;
    writeState("", Object.fromEntries(Object.entries(filters).filter(([name]) => name !== "тип")));
    if (Object.keys(filters).length === 1) {
      results.hidden = true; status.textContent = "";
      for (const node of listing) node.hidden = false;
      return;
    }
    const matches = await find(pagefind, null, { filters, sort: { date: "desc" } });
    if (mine !== run) return;
    const data = (await Promise.all(matches.slice(0, 50).map((r) => r.data()))).filter(Boolean);
    results.replaceChildren(...data.map(renderResult));
    results.hidden = false;
    for (const node of listing) node.hidden = true;
    const n = matches.length;
    status.textContent = n === 0
      ? "Таких материалов нет: измените выбор."
      : `${n} ${plural(n, "материал", "материала", "материалов")}` + (n > 50 ? ", показаны 50 новых" : "");
  }
  for (const select of Object.values(selects)) select.addEventListener("change", filter);
  form.addEventListener("submit", (event) => { event.preventDefault(); filter(); });
  await filter();
  form.dataset.ready = "true";
}

const page = document.querySelector("[data-search]");
if (page) searchPage(page);
const facetForm = document.querySelector(".js-facets");
if (facetForm) facets(facetForm);
