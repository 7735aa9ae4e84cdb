// okrug: search that forgives, loaded by the search page only (search.js imports it).
// Search that forgives: the site's own words (pagefind/okrug-words/, one file per first
// letter, loaded when a query has a word of that letter) tell a word the site has from a typo,
// a word typed in the other keyboard layout, or nonsense — Pagefind alone would answer those
// with pages matched on one letter.
const LATIN_KEYS = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
const RUSSIAN_KEYS = "йцукенгшщзхъфывапролджэячсмитьбюё";

export function otherLayout(word) {
  let out = "";
  for (const char of word) {
    const latin = LATIN_KEYS.indexOf(char), russian = RUSSIAN_KEYS.indexOf(char);
    out += latin >= 0 ? RUSSIAN_KEYS[latin] : russian >= 0 ? LATIN_KEYS[russian] : char;
  }
  return out;
}

export function normal(word) {
  return word.toLowerCase().replace(/ё/g, "е");
}

// Russian endings, longest first: «семинарами» and «семинар» are one word to search.
const ENDINGS = ["иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ией", "иях", "иям", "ием",
  "ов", "ев", "ей", "ой", "ый", "ий", "ая", "яя", "ое", "ее", "ые", "ие", "ом", "ем", "ам", "ям", "ах", "ях",
  "ых", "их", "ым", "им", "ую", "юю", "ия", "ию", "ии", "ью", "ья", "ье", "ть", "ь", "а", "я", "о", "е", "у", "ю", "ы", "и", "й",
  "s"];

function stem(word) {
  // «занимаются» and «заниматься»: the reflexive ending first.
  if (word.length > 5 && (word.endsWith("ся") || word.endsWith("сь"))) word = word.slice(0, -2);
  for (const ending of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= 3) return word.slice(0, -ending.length);
  }
  return word;
}

// Edit distance with a swap of two neighbours as one edit (Damerau), given up past `limit`.
function distance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = null, previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous; previous = row;
  }
  return previous[b.length];
}

export class Vocabulary {
  constructor(bundle) {
    this.base = bundle + "okrug-words/";
    this.letters = new Map();
  }

  // The words of one first letter: their counts and their stems.
  letter(word) {
    const key = word.codePointAt(0).toString(16);
    if (!this.letters.has(key)) {
      this.letters.set(key, fetch(this.base + key + ".txt").then((r) => (r.ok ? r.text() : "")).catch(() => "")
        .then((text) => {
          const counts = new Map(), stems = new Set();
          for (const line of text.split("\n")) {
            const space = line.indexOf(" ");
            if (space < 0) continue;
            const form = line.slice(0, space);
            counts.set(form, Number(line.slice(space + 1)));
            stems.add(stem(form));
          }
          return { counts, stems };
        }));
    }
    return this.letters.get(key);
  }

  // Whether the site has the word in some form, or as the beginning of a word (typing goes on).
  async has(word) {
    const { counts, stems } = await this.letter(word);
    if (counts.has(word) || stems.has(stem(word))) return true;
    if (word.length >= 4) for (const form of counts.keys()) if (form.startsWith(word)) return true;
    return false;
  }

  // The site's words nearest to `word`: one edit for a short word, two for a longer one.
  async near(word) {
    const { counts } = await this.letter(word);
    const limit = word.length <= 5 ? 1 : 2;
    const found = [];
    for (const [form, count] of counts) {
      const d = distance(word, form, limit);
      if (d <= limit) found.push({ form, count, d });
    }
    return found.sort((a, b) => a.d - b.d || b.count - a.count || a.form.localeCompare(b.form, "ru"));
  }
}

// What the query means on this site: the words to search, and what was changed or left out.
export async function understand(q, vocabulary) {
  const meant = { words: [], corrected: [], layout: [], unknown: [], suggestions: new Map() };
  for (const raw of q.split(/\s+/).filter(Boolean)) {
    const word = normal(raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""));
    const parts = word.split(/[^\p{L}]+/u).filter((part) => part.length >= 3);
    // Numbers, short words and codes go to Pagefind as typed.
    if (parts.length === 0 || /\d/.test(word) || !vocabulary) { meant.words.push(raw); continue; }
    if ((await Promise.all(parts.map((part) => vocabulary.has(part)))).every(Boolean)) { meant.words.push(raw); continue; }
    const switched = otherLayout(word);
    const switchedParts = switched.split(/[^\p{L}]+/u).filter((part) => part.length >= 3);
    if (switched !== word && switchedParts.length &&
        (await Promise.all(switchedParts.map((part) => vocabulary.has(part)))).every(Boolean)) {
      meant.words.push(switched); meant.layout.push([raw, switched]); continue;
    }
    // A word of three letters is too short to guess at: «кот» is one edit from «кто».
    const near = parts.length === 1 && word.length >= 4 ? await vocabulary.near(word) : [];
    const best = near.filter((n) => n.d === (near[0] && near[0].d));
    if (best.length && new Set(best.map((n) => stem(n.form))).size === 1) {
      // One word of the site is this close: it is what was meant.
      meant.words.push(best[0].form); meant.corrected.push([raw, best[0].form]);
    } else {
      meant.unknown.push(raw);
      const seen = new Set();
      const forms = near.filter((n) => !seen.has(stem(n.form)) && seen.add(stem(n.form))).slice(0, 4).map((n) => n.form);
      if (forms.length) meant.suggestions.set(raw, forms);
    }
  }
  return meant;
}
