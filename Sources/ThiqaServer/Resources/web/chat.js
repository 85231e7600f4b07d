// Thiqa's citizen chat: asks POST /web/v1/chat (no key here: the server speaks for its configured use case) and
// renders the streamed answer line by line, with its sources and a "why this answer" panel read from the receipt.
"use strict";
(function () {
  var UI = {
    "fr": { dir: "ltr", title: "Assistant des démarches administratives", subtitle: "Réponses tirées des sources officielles, avec leurs liens.", language: "Langue", fresh: "Nouvelle conversation", conversation: "Conversation", question: "Votre question", send: "Envoyer", hint: "Par exemple : « kifach n9ad passport? »", you: "Vous", assistant: "Assistant (IA)", notice: "Information", sources: "Sources", why: "Pourquoi cette réponse ?", whyTitle: "Ce que Thiqa a enregistré pour cette réponse", receipt: "Reçu (gardez-le pour retrouver votre dossier)", log: "Entrée du journal public", decisions: "Décisions", busy: "Réponse en cours…", done: "Réponse reçue.", failed: "Le service ne répond pas pour le moment. Réessayez dans un instant.", empty: "Écrivez votre question." },
    "ar": { dir: "rtl", title: "مساعد المساطر الإدارية", subtitle: "أجوبة مأخوذة من المصادر الرسمية، مع روابطها.", language: "اللغة", fresh: "محادثة جديدة", conversation: "المحادثة", question: "سؤالك", send: "إرسال", hint: "مثال: «كيف أحصل على جواز السفر؟»", you: "أنت", assistant: "المساعد (ذكاء اصطناعي)", notice: "إشعار", sources: "المصادر", why: "لماذا هذا الجواب؟", whyTitle: "ما سجلته ثقة بخصوص هذا الجواب", receipt: "الوصل (احتفظ به للوصول إلى ملفك)", log: "المدخل في السجل العمومي", decisions: "القرارات", busy: "الجواب قيد الإعداد…", done: "وصل الجواب.", failed: "الخدمة لا تجيب حاليا. أعد المحاولة بعد قليل.", empty: "اكتب سؤالك." },
    "ary-Arab": { dir: "rtl", title: "المساعد ديال الإجراءات الإدارية", subtitle: "أجوبة من المصادر الرسمية، مع الروابط ديالها.", language: "اللغة", fresh: "هضرة جديدة", conversation: "الهضرة", question: "السؤال ديالك", send: "صيفط", hint: "مثلا: «كيفاش نخرج الباسبور؟»", you: "نتا", assistant: "المساعد (ذكاء اصطناعي)", notice: "معلومة", sources: "المصادر", why: "علاش هاد الجواب؟", whyTitle: "شنو سجلات ثقة على هاد الجواب", receipt: "الوصل (خليه عندك باش تلقى الملف ديالك)", log: "المدخل فالسجل العمومي", decisions: "القرارات", busy: "الجواب جاي…", done: "وصل الجواب.", failed: "الخدمة ما كتجاوبش دابا. عاود من بعد شوية.", empty: "كتب السؤال ديالك." },
    "ary-Latn": { dir: "ltr", title: "L-mosa3id dyal l-ijra2at l-idariya", subtitle: "Ajwiba mn l-masadir r-rasmiya, m3a r-rawabit dyalha.", language: "Lougha", fresh: "Hedra jdida", conversation: "L-hedra", question: "So2al dyalek", send: "Sifet", hint: "Matalan: « kifach n9ad passport? »", you: "Nta", assistant: "L-mosa3id (IA)", notice: "Ma3loma", sources: "L-masadir", why: "3lach had l-jawab?", whyTitle: "Chno sejjlat Thiqa 3la had l-jawab", receipt: "L-wasl (khellih 3ndek bach tl9a l-malaf dyalek)", log: "L-madkhal f s-sijil l-3omomi", decisions: "L-qararat", busy: "L-jawab jay…", done: "Wsel l-jawab.", failed: "L-khidma ma katjawebch daba. 3awed mn ba3d chwiya.", empty: "Kteb so2al dyalek." },
    "zgh-Tfng": { dir: "ltr", title: "ⴰⵎⵙⵓⵜⵔ ⵏ ⵜⵉⴽⵍⵉⵡⵉⵏ ⵜⵉⵏⴱⴰⴹⵉⵏ", subtitle: "ⵜⵉⵔⴰⵔⵉⵏ ⵙⴳ ⵉⵖⴱⵓⵍⴰ ⵉⵏⵚⵉⴱⵏ, ⴷ ⵉⵙⵖⵡⴰⵏ ⵏⵏⵙⵏ.", language: "ⵜⵓⵜⵍⴰⵢⵜ", fresh: "ⴰⵎⵙⴰⵡⴰⵍ ⴰⵎⴰⵢⵏⵓ", conversation: "ⴰⵎⵙⴰⵡⴰⵍ", question: "ⴰⵙⵇⵙⵉ ⵏⵏⴽ", send: "ⴰⵣⵏ", hint: "ⵎⴷⵢⴰ: « ⵎⴰⵎⴽ ⴰⴷ ⴰⵎⵥⵖ ⴰⴱⴰⵙⴱⵓⵔ »", you: "ⴽⵢⵢ", assistant: "ⴰⵎⵙⵓⵜⵔ (IA)", notice: "ⵉⵙⴰⵍⵍⵏ", sources: "ⵉⵖⴱⵓⵍⴰ", why: "ⵎⴰⵅ ⵜⴰⵔⵉⵔⵉⵜ ⴰ?", whyTitle: "ⴰⵢⵏ ⵉⵔⵛⵎ Thiqa ⵖⴼ ⵜⵔⵉⵔⵉⵜ ⴰ", receipt: "ⴰⵡⵚⵍ (ⵃⴹⵓ-ⵜ)", log: "ⴰⵙⴽⵛⵎ ⴳ ⵓⵏⵖⵎⵉⵙ ⴰⵎⴰⵜⴰⵢ", decisions: "ⵜⵉⵖⵜⴰⵙⵉⵏ", busy: "ⵜⴰⵔⵉⵔⵉⵜ ⴷ ⵉⵜⵜⴰⵙⵏ…", done: "ⵜⵍⴽⵎ-ⴷ ⵜⵔⵉⵔⵉⵜ.", failed: "ⵜⴰⵏⴰⴼⵓⵜ ⵓⵔ ⵜⵔⴰⵔ ⴷⵖⵉ. ⴰⵍⵙ ⴷⴰⵖ.", empty: "ⴰⵔⴰ ⴰⵙⵇⵙⵉ ⵏⵏⴽ." },
    "ber-Latn": { dir: "ltr", title: "Amsutr n tikliwin tinbaḍin", subtitle: "Tiririn seg iɣbula inṣiben, d isɣwan nnsen.", language: "Tutlayt", fresh: "Amsawal amaynu", conversation: "Amsawal", question: "Asteqsi nnk", send: "Azen", hint: "Amedya: « mamk ad amẓɣ abasbur »", you: "Kyyi", assistant: "Amsutr (IA)", notice: "Isallen", sources: "Iɣbula", why: "Max tiririt a?", whyTitle: "Ayn irecm Thiqa ɣef tririt a", receipt: "Awṣl (ḥḍu-t)", log: "Asekcem g unɣmis amatay", decisions: "Tiɣtasin", busy: "Tiririt d ittasn…", done: "Tlkem-d tririt.", failed: "Tanafut ur trar dɣi. Als daɣ.", empty: "Ara asteqsi nnk." },
    "en": { dir: "ltr", title: "Administrative procedures assistant", subtitle: "Answers taken from the official sources, with their links.", language: "Language", fresh: "New conversation", conversation: "Conversation", question: "Your question", send: "Send", hint: "For example: “kifach n9ad passport?”", you: "You", assistant: "Assistant (AI)", notice: "Notice", sources: "Sources", why: "Why this answer?", whyTitle: "What Thiqa recorded for this answer", receipt: "Receipt (keep it to reach your record)", log: "Public log entry", decisions: "Decisions", busy: "Answer on its way…", done: "Answer received.", failed: "The service is not answering right now. Try again in a moment.", empty: "Write your question." }
  };
  var $ = function (id) { return document.getElementById(id); };
  var language = "fr";
  var conversation = newConversationId();
  var busy = false;

  function newConversationId() {
    var bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return "c" + Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function applyLanguage(tag) {
    language = UI[tag] ? tag : "fr";
    var t = UI[language];
    document.documentElement.lang = language;
    document.documentElement.dir = t.dir;
    ["title", "subtitle", "hint"].forEach(function (id) { $(id).textContent = t[id]; });
    $("language-label").textContent = t.language;
    $("new").textContent = t.fresh;
    $("conversation-title").textContent = t.conversation;
    $("message-label").textContent = t.question;
    $("send").textContent = t.send;
    document.title = "Thiqa — " + t.title;
    $("language").value = language;
  }

  function item(kind, lang, dir) {
    var li = document.createElement("div");
    li.className = "msg " + kind;
    if (lang) li.lang = lang;
    if (dir) li.dir = dir;
    var who = document.createElement("span");
    who.className = "who";
    who.textContent = UI[language][kind === "user" ? "you" : kind === "disclosure" ? "notice" : "assistant"];
    li.appendChild(who);
    $("log").appendChild(li);
    return li;
  }

  // Text with its links made clickable; nothing the server sends is ever parsed as HTML.
  function withLinks(parent, text) {
    var pattern = /https?:\/\/[^\s)\]]+/g, last = 0, match;
    while ((match = pattern.exec(text))) {
      if (match.index > last) parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      var url = match[0].replace(/[.,;:]+$/, "");
      var a = document.createElement("a");
      a.href = url;
      a.textContent = url;
      a.rel = "noopener";
      parent.appendChild(a);
      last = match.index + url.length;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
    return parent;
  }

  // One complete line of the answer as an element: "**Heading** [1]", "1. step", "- item", or a paragraph.
  function Renderer(container) {
    this.container = container;
    this.list = null;
    this.partial = document.createElement("p");
    this.buffer = "";
    container.appendChild(this.partial);
  }
  Renderer.prototype.line = function (text) {
    var heading = /^\*\*(.+?)\*\*(.*)$/.exec(text), numbered = /^(\d+)\.\s+(.*)$/.exec(text), bullet = /^-\s+(.*)$/.exec(text);
    if (numbered || bullet) {
      var tag = numbered ? "OL" : "UL";
      if (!this.list || this.list.tagName !== tag) {
        this.list = document.createElement(tag.toLowerCase());
        this.container.insertBefore(this.list, this.partial);
      }
      this.list.appendChild(withLinks(document.createElement("li"), numbered ? numbered[2] : bullet[1]));
      return;
    }
    this.list = null;
    if (!text.trim()) return;
    var element = heading ? document.createElement("h3") : document.createElement("p");
    withLinks(element, heading ? heading[1] + heading[2] : text);
    this.container.insertBefore(element, this.partial);
  };
  Renderer.prototype.feed = function (text) {
    this.buffer += text;
    var cut;
    while ((cut = this.buffer.indexOf("\n")) >= 0) {
      this.line(this.buffer.slice(0, cut));
      this.buffer = this.buffer.slice(cut + 1);
    }
    this.partial.textContent = this.buffer;
  };
  Renderer.prototype.end = function () {
    var rest = this.buffer;
    this.buffer = "";
    this.partial.textContent = "";
    if (rest) this.line(rest);
    this.container.removeChild(this.partial);
  };

  function showSources(li, sources) {
    if (!sources || !sources.length) return;
    var box = document.createElement("nav");
    box.className = "sources";
    box.setAttribute("aria-label", UI[language].sources);
    var h = document.createElement("h3");
    h.textContent = UI[language].sources;
    box.appendChild(h);
    var ul = document.createElement("ul");
    sources.forEach(function (source) {
      var entry = document.createElement("li");
      var a = document.createElement("a");
      a.href = source.url;
      a.textContent = source.title;
      a.rel = "noopener";
      if (source.procedure_id) a.setAttribute("data-procedure", source.procedure_id);
      entry.appendChild(a);
      ul.appendChild(entry);
    });
    box.appendChild(ul);
    li.appendChild(box);
  }

  // "Why this answer": the record the receipt proves (decisions, log entry), from POST /receipts/v1/lookup.
  function showWhy(li, final) {
    var receipt = final && final.receipt;
    if (!receipt) return;
    var p = document.createElement("p");
    p.className = "why";
    var a = document.createElement("a");
    a.href = "/receipts/v1/lookup#" + encodeURIComponent(final.interaction_id || "");
    a.textContent = UI[language].why;
    a.setAttribute("aria-expanded", "false");
    a.className = "why-link";
    var panel = document.createElement("div");
    panel.className = "why-details";
    panel.hidden = true;
    panel.id = "why-" + (final.interaction_id || Math.random().toString(16).slice(2));
    a.setAttribute("aria-controls", panel.id);
    a.addEventListener("click", function (event) {
      event.preventDefault();
      var open = panel.hidden;
      panel.hidden = !open;
      a.setAttribute("aria-expanded", String(open));
      if (open && !panel.childNodes.length) loadWhy(panel, receipt, final);
    });
    p.appendChild(a);
    li.appendChild(p);
    li.appendChild(panel);
  }

  function loadWhy(panel, receipt, final) {
    var t = UI[language];
    var h = document.createElement("h3");
    h.textContent = t.whyTitle;
    panel.appendChild(h);
    var facts = document.createElement("ul");
    function fact(label, value) {
      var li = document.createElement("li");
      li.textContent = label + " : " + value;
      facts.appendChild(li);
    }
    fact(t.receipt, receipt);
    if (final.log_index !== null && final.log_index !== undefined) fact(t.log, String(final.log_index));
    panel.appendChild(facts);
    fetch("/receipts/v1/lookup", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ receipt: receipt }) })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (doc) {
        // The decision's entry holds the decisions; a stream's completion entry only its end.
        var entries = (doc && doc.receipt && doc.receipt.entries) || [];
        entries.forEach(function (entry) {
          if (entry.record && entry.record.decisions) fact(t.decisions, entry.record.decisions.join(", "));
        });
      })
      .catch(function () {});
  }

  function status(text) { $("status").textContent = text; }

  function ask(message) {
    busy = true;
    $("send").disabled = true;
    var t = UI[language];
    var mine = item("user");
    mine.appendChild(document.createElement("p")).textContent = message;
    var li = null, renderer = null, final = null, sources = null;
    var log = $("log");
    log.setAttribute("aria-busy", "true");
    status(t.busy);
    function ensureAnswer(thiqa) {
      if (li) return;
      var a = thiqa && thiqa.assistant;
      li = item("assistant", a ? a.language : language, a ? a.direction : UI[language].dir);
      var body = document.createElement("div");
      body.className = "answer";
      li.appendChild(body);
      renderer = new Renderer(body);
    }
    function onEvent(name, data) {
      if (data === "[DONE]") return;
      var json;
      try { json = JSON.parse(data); } catch (e) { return; }
      if (name === "disclosure") {
        var d = item("disclosure", json.language, json.direction);
        withLinks(d.appendChild(document.createElement("p")), json.text.indexOf(json.registry_url) >= 0 ? json.text : json.text + " " + json.registry_url);
        log.insertBefore(d, log.firstChild);
        return;
      }
      if (json.error) { fail(json.error.message); return; }
      if (json.thiqa && json.thiqa.sources) { sources = json.thiqa.sources; ensureAnswer(json.thiqa); }
      if (json.thiqa && json.thiqa.receipt) final = json.thiqa;
      var choice = json.choices && json.choices[0];
      if (choice && choice.delta && typeof choice.delta.content === "string" && choice.delta.content) {
        ensureAnswer(null);
        renderer.feed(choice.delta.content);
      }
    }
    function fail(text) {
      var e = item("error");
      e.appendChild(document.createElement("p")).textContent = text || t.failed;
    }
    fetch("/web/v1/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "text/event-stream" },
      body: JSON.stringify({ conversation_id: conversation, message: message, language: language })
    }).then(function (response) {
      if (!response.ok || !response.body) {
        return response.json().then(function (j) { fail(j && j.error && j.error.message); }, function () { fail(); });
      }
      var reader = response.body.getReader(), decoder = new TextDecoder(), pending = "";
      function pump() {
        return reader.read().then(function (part) {
          pending += decoder.decode(part.value || new Uint8Array(), { stream: !part.done });
          var cut;
          while ((cut = pending.indexOf("\n\n")) >= 0) {
            var block = pending.slice(0, cut);
            pending = pending.slice(cut + 2);
            var name = "message", data = [];
            block.split("\n").forEach(function (line) {
              if (line.indexOf("event:") === 0) name = line.slice(6).trim();
              else if (line.indexOf("data:") === 0) data.push(line.slice(5).replace(/^ /, ""));
            });
            if (data.length) onEvent(name, data.join("\n"));
          }
          if (!part.done) return pump();
        });
      }
      return pump().then(function () {
        if (renderer) renderer.end();
        if (li) { showSources(li, sources); showWhy(li, final); }
      });
    }).catch(function () { fail(); }).then(function () {
      busy = false;
      $("send").disabled = false;
      log.setAttribute("aria-busy", "false");
      status(UI[language].done);
      $("message").focus();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var wanted = (navigator.language || "fr");
    applyLanguage(UI[wanted] ? wanted : wanted.slice(0, 2) === "ar" ? "ar" : wanted.slice(0, 2) === "en" ? "en" : "fr");
    $("language").addEventListener("change", function (e) { applyLanguage(e.target.value); });
    $("new").addEventListener("click", function () {
      conversation = newConversationId();
      $("log").textContent = "";
      $("message").focus();
    });
    $("ask").addEventListener("submit", function (e) {
      e.preventDefault();
      var text = $("message").value.trim();
      if (!text) { status(UI[language].empty); return; }
      if (busy) return;
      $("message").value = "";
      ask(text);
    });
    $("message").addEventListener("keydown", function (e) {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); $("ask").requestSubmit(); }
    });
  });
})();
