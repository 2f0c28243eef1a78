// The query side of the guide's search (the index side is hooks/guidekit/search_terms.py).
// The build prepends this file to Material's search worker (hooks/guidekit/search_patch.py):
// the worker normalises every query with `prepare` and splits each run of Chinese
// characters with `segment`. Pure functions, tested with `node --test tests/js/`.
(function (root) {
  "use strict";
  var HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
  // Longest first; kept identical to FILLERS in search_terms.py (tests/test_search_terms.py compares).
  var FILLERS = ["怎么办", "怎么样", "怎么做", "为什么", "是什么", "怎么", "怎样", "如何", "为何", "什么",
    "哪些", "请问", "吗", "呢", "吧"];
  var FILLER = new RegExp(FILLERS.join("|"), "g");
  var PLUS_AFTER_WORD = new RegExp("([" + HAN + "0-9a-z])\\+", "g");
  var NOT_IN_KEY = new RegExp("[^" + HAN + "0-9a-z%]+", "g");
  // Punctuation a reader types around or inside a query (after halfWidth: ? ! , ; : ( ) as ASCII).
  var PUNCTUATION = /[?!,.;:()\[\]{}<>'`|\\/=_，。、；：？！“”‘’（）《》【】〈〉「」『』·…—～]+/g;
  // Spaces between two Chinese characters: the reader's words run on as one text.
  var GAP_IN_HAN = new RegExp("([" + HAN + "])\\s+(?=[" + HAN + "])", "g");

  // Full-width ASCII forms (ＡＢＣ１２３＋＃（）) as ASCII, the ideographic space as a space.
  function halfWidth(text) {
    var out = "";
    for (var ch of text) {
      var code = ch.codePointAt(0);
      out += code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : code === 0x3000 ? " " : ch;
    }
    return out;
  }

  // What both the index and the query see: ASCII forms, lower case, 党建+ as 党建加.
  function normalise(text) {
    return halfWidth(text).toLowerCase().replace(PLUS_AFTER_WORD, "$1加");
  }

  // The question words dropped, unless less than two characters would be left.
  function stripFillers(text) {
    var stripped = text.replace(FILLER, " ").trim();
    return stripped.replace(NOT_IN_KEY, "").length >= 2 ? stripped : text;
  }

  // The query as the worker searches it: normalised, punctuation and question words out,
  // spaces inside Chinese closed (a title typed with its punctuation is still the title).
  function prepare(query) {
    var text = normalise(query).replace(PUNCTUATION, " ");
    return stripFillers(text).replace(GAP_IN_HAN, "$1").replace(/\s+/g, " ").trim();
  }

  var prefixCache = {words: null, keys: null};
  function hasWordStartingWith(text, words) {
    if (prefixCache.words !== words) prefixCache = {words: words, keys: Object.keys(words)};
    for (var i = 0; i < prefixCache.keys.length; i++) if (prefixCache.keys[i].startsWith(text)) return true;
    return false;
  }

  // One run of Chinese characters split into the index's words (`words`: word -> anything).
  // Greedy longest match of two characters or more; what remains from a position on is kept whole
  // if it is a word or the start of one (a title typed in part); characters no word starts with
  // are kept together as one unknown word, and a lone unknown character is dropped when anything
  // else is left: a query of words the guide does not hold finds nothing, not pages that share
  // one character with it.
  function segment(text, words) {
    var out = [], unknown = "", i = 0;
    function flush() {
      if (unknown) out.push(unknown);
      unknown = "";
    }
    while (i < text.length) {
      var rest = text.slice(i);
      if (Object.prototype.hasOwnProperty.call(words, rest) ||
          ((rest.length >= 2 || i === 0) && hasWordStartingWith(rest, words))) {
        flush();
        out.push(rest);
        break;
      }
      var n = 0;
      for (var j = text.length - 1; j >= i + 2; j--) {
        if (Object.prototype.hasOwnProperty.call(words, text.slice(i, j))) { n = j - i; break; }
      }
      if (!n) { unknown += text[i++]; continue; }
      flush();
      out.push(text.slice(i, i + n));
      i += n;
    }
    flush();
    var kept = out.filter(function (w) { return w.length >= 2; });
    return kept.length ? kept : [text];
  }

  // A piece of a query the guide does not hold: no word of the index is it or starts with it.
  function unknown(piece, words) {
    return !Object.prototype.hasOwnProperty.call(words, piece) && !hasWordStartingWith(piece, words);
  }

  // The lunr query for one run of Chinese characters. One piece is searched as a prefix (a title
  // or word typed in part). Of several pieces, each one that is a whole word of the index is
  // searched as that word only ("^1": lunr's boost syntax, which Material leaves without the
  // trailing *), so 党员 in 党员积极性 does not also match every title that starts with 党员.
  // When the pieces the guide does not hold make up half the query or more (足球比赛: 足球),
  // they are required ("+"), so the search shows its "no result" state instead of pages that
  // share a lesser word with it.
  function queryTerms(text, words) {
    var parts = segment(text, words);
    var missing = parts.filter(function (w) { return unknown(w, words); });
    var required = missing.join("").length * 2 >= parts.join("").length;
    if (parts.length === 1) return required ? "+" + parts[0] : parts[0];
    return parts.map(function (w) {
      if (unknown(w, words)) return required ? "+" + w : w;
      return Object.prototype.hasOwnProperty.call(words, w) ? w + "^1" : w;
    }).join(" ");
  }

  var api = {FILLERS: FILLERS, halfWidth: halfWidth, normalise: normalise, stripFillers: stripFillers,
    prepare: prepare, segment: segment, queryTerms: queryTerms};
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.GuideSearchQuery = api;
})(typeof self !== "undefined" ? self : this);
