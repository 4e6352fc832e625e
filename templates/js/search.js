// Search: what is typed, matched against the index the build writes
// (internal/render search.go) and ranked. Every typed word must match a
// term of the item by prefix ("kube" finds Kubernetes), or, in words of
// five letters or more, with one typo ("kubernets"). Ranking: the exact
// name, then names that start with what is typed, then names holding every
// typed word, then the rest (see rank); ties by stars, then name. Pure: no
// DOM, so that Node's test runner checks it.

var SEP = /[^\p{L}\p{Nd}]+/u;

// words splits typed text the way the build splits the items' texts.
export function words(q) {
  return q.toLowerCase().split(/\s+/).map(function (w) { return w.replace(/^[^\p{L}\p{Nd}]+|[^\p{L}\p{Nd}]+$/gu, ""); })
    .filter(Boolean);
}

// near tells whether w is within one edit (a letter changed, added or
// dropped) of a prefix of t.
export function near(w, t) {
  var i = 0, n = w.length, m = t.length;
  while (i < n && i < m && w.charCodeAt(i) === t.charCodeAt(i)) i++;
  if (i === n) return true;
  return rest(w, i + 1, t, i + 1) || rest(w, i, t, i + 1) || rest(w, i + 1, t, i);
}

function rest(w, i, t, j) {
  if (w.length - i > t.length - j) return false;
  for (; i < w.length; i++, j++) if (w.charCodeAt(i) !== t.charCodeAt(j)) return false;
  return true;
}

var TYPO_MIN = 5;

// Searcher answers searches over d.list. Until setIndex gives it the
// build's index, it looks for each word inside name, description,
// organization and repository, so that the page works while the index loads.
export function Searcher(d) {
  this.d = d;
  this.terms = null;
  this.postings = null;
  this.cache = new Map();
}

Searcher.prototype.setIndex = function (x) {
  this.terms = x.terms;
  this.postings = x.postings.map(function (gaps) {
    var ids = new Int32Array(gaps.length), prev = 0;
    for (var k = 0; k < gaps.length; k++) { prev += gaps[k]; ids[k] = prev; }
    return ids;
  });
  this.cache.clear();
};

// first is the index of the first term not less than w.
Searcher.prototype.first = function (w) {
  var lo = 0, hi = this.terms.length;
  while (lo < hi) {
    var mid = (lo + hi) >> 1;
    if (this.terms[mid] < w) lo = mid + 1; else hi = mid;
  }
  return lo;
};

// set returns the items one typed word finds, by item index.
Searcher.prototype.set = function (w) {
  var hit = this.cache.get(w);
  if (hit) return hit;
  var n = this.d.list.length, out = new Uint8Array(n), self = this;
  if (!this.terms) {
    this.d.list.forEach(function (it, i) { if (it.text.indexOf(w) >= 0) out[i] = 1; });
  } else {
    var mark = function (t) { var ids = self.postings[t]; for (var k = 0; k < ids.length; k++) out[ids[k]] = 1; };
    for (var t = this.first(w); t < this.terms.length && this.terms[t].startsWith(w); t++) mark(t);
    var parts = w.split(SEP).filter(Boolean);
    if (parts.length > 1) { // "open-telemetry": the parts, or all of them joined
      var joined = parts.join("");
      for (t = this.first(joined); t < this.terms.length && this.terms[t].startsWith(joined); t++) mark(t);
      var all = parts.map(function (p) { return self.set(p); });
      for (var i = 0; i < n; i++) if (all.every(function (s) { return s[i]; })) out[i] = 1;
    }
    if (w.length >= TYPO_MIN) {
      for (t = 0; t < this.terms.length; t++) {
        var term = this.terms[t];
        if (term.length >= w.length - 1 && near(w, term)) mark(t);
      }
    }
  }
  if (this.cache.size > 200) this.cache.clear();
  this.cache.set(w, out);
  return out;
};

// run searches q: match is the set of items found (null when q is empty),
// top the best `limit` of them in rank order.
Searcher.prototype.run = function (q, limit) {
  var ws = words(q);
  if (!ws.length) return { match: null, top: [] };
  var n = this.d.list.length, match = new Uint8Array(n), sets = ws.map(this.set, this);
  var found = [];
  for (var i = 0; i < n; i++) {
    var k = 0;
    while (k < sets.length && sets[k][i]) k++;
    if (k === sets.length) { match[i] = 1; found.push(this.d.list[i]); }
  }
  var phrase = ws.join(" ");
  var ranked = found.map(function (it) { return { it: it, r: rank(it, phrase, ws) }; });
  ranked.sort(function (a, b) {
    return b.r - a.r || b.it.stars - a.it.stars || (a.it.lname < b.it.lname ? -1 : a.it.lname > b.it.lname ? 1 : 0);
  });
  return { match: match, top: ranked.slice(0, limit || 10).map(function (x) { return x.it; }) };
};

// rank orders the items found: 7 for the exact name, 5 for a name that
// starts with what is typed, 3 for a name holding every typed word (by
// prefix), 1 for the rest; each one less when it takes a typo to match
// (in words of five letters or more), so that "kubernets" puts Kubernetes
// before the items whose name only contains it.
export function rank(it, phrase, ws) {
  var name = it.lname, bare = name.split(SEP).filter(Boolean).join(" "), typo = phrase.length >= TYPO_MIN;
  if (name === phrase || bare === phrase) return 7;
  if (typo && bare.length <= phrase.length + 1 && near(phrase, bare)) return 6;
  if (name.startsWith(phrase) || bare.startsWith(phrase)) return 5;
  if (typo && near(phrase, bare)) return 4;
  var nw = it.nwords || (it.nwords = name.split(SEP).filter(Boolean).concat([name.split(SEP).join("")]));
  var fuzzy = false;
  var all = ws.every(function (w) {
    var b = w.split(SEP).join("");
    if (nw.some(function (x) { return x.startsWith(w) || x.startsWith(b); })) return true;
    fuzzy = true;
    return w.length >= TYPO_MIN && nw.some(function (x) { return near(w, x); });
  });
  return all ? (fuzzy ? 2 : 3) : 1;
}
