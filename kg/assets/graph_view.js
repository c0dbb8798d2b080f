/* cjkg interactive graph: the page script.
 *
 * Reads the view data from <script type="application/json" id="cjkg-data">, draws it
 * with vis-network and adds search, filters, tooltips, neighbourhood highlight and the
 * evidence panel. Every string from the data (names, evidence sentences, file names)
 * reaches the page through textContent or a canvas label only, never as markup.
 */
(function () {
  "use strict";

  const t0 = performance.now();
  const data = JSON.parse(document.getElementById("cjkg-data").textContent);
  const $ = (id) => document.getElementById(id);
  const state = {
    data: data, network: null, nodes: null, edges: null,
    ready: false, settleMs: null, loadMs: null, selected: null,
  };
  window.cjkg = state;

  const FONT = getComputedStyle(document.body).fontFamily;
  const METHOD_ZH = { pattern: "文中线索", name: "名称推断", gazetteer: "背景知识" };
  const NODE_DIM = { background: "#e4e7eb", border: "#d3d8de" };
  const EDGE_COLOR = "#9aa5b1";
  const EDGE_DIM = "rgba(203, 210, 217, 0.35)";

  const classes = new Map(data.classes.map((c) => [c.name, c]));
  const relations = new Map(data.relations.map((r) => [r.name, r]));
  const relationOrder = new Map(data.relations.map((r, i) => [r.name, i]));
  const nodeById = new Map(data.nodes.map((n) => [n.id, n]));
  const edgeById = new Map(data.edges.map((e) => [e.id, e]));
  const incident = new Map(data.nodes.map((n) => [n.id, []]));
  for (const e of data.edges) {
    incident.get(e.from).push(e);
    if (e.to !== e.from) incident.get(e.to).push(e);
  }

  // ------------------------------------------------------------------ DOM helpers

  /** An element with a class and text content (never parsed as HTML). */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function shade(hex, amount) {
    const n = parseInt(hex.slice(1), 16);
    const f = (v) => Math.max(0, Math.min(255, Math.round(v * (1 + amount))));
    const rgb = [f(n >> 16), f((n >> 8) & 255), f(n & 255)];
    return "#" + rgb.map((v) => v.toString(16).padStart(2, "0")).join("");
  }

  function groupDigits(intPart) {
    return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  /** "30000000", "USD" -> "30,000,000 USD（3000万）". */
  function formatAmount(amount, currency) {
    const [intPart, frac] = String(amount).split(".");
    let text = groupDigits(intPart) + (frac ? "." + frac : "") + (currency ? " " + currency : "");
    const value = Number(amount);
    if (Math.abs(value) >= 1e8) text += "（" + +(value / 1e8).toFixed(4) + "亿）";
    else if (Math.abs(value) >= 1e4) text += "（" + +(value / 1e4).toFixed(4) + "万）";
    return text;
  }

  function relationText(rel) {
    const r = relations.get(rel);
    return r ? r.zh : rel;
  }

  function classOf(node) {
    return classes.get(node.cls) || { zh: node.cls, en: node.cls, color: "#999999" };
  }

  function arrowFor(edge) {
    const r = relations.get(edge.rel);
    return r && r.directed ? "→" : "↔";
  }

  // --------------------------------------------------------------- vis data sets

  function nodeStyle(n, dim) {
    const color = classOf(n).color;
    if (dim) {
      return { color: { background: NODE_DIM.background, border: NODE_DIM.border,
                        highlight: NODE_DIM, hover: NODE_DIM }, font: { color: "#bcc3cb" } };
    }
    const ring = { background: color, border: "#111827" };
    return { color: { background: color, border: shade(color, -0.3), highlight: ring, hover: ring },
             font: { color: "#1f2933" } };
  }

  function edgeStyle(e, mode) {
    // mode: "base", "dim" or "focus"
    const labelColor = mode === "dim" ? "rgba(0,0,0,0)" : "#52606d";
    const stroke = mode === "dim" ? "rgba(0,0,0,0)" : "#ffffff";
    const color = mode === "dim" ? EDGE_DIM : mode === "focus" ? "#3e4c59" : EDGE_COLOR;
    const style = { color: { color: color, highlight: "#1f2933", hover: "#3e4c59", inherit: false },
                    width: mode === "focus" ? 2.2 : 1.2,
                    font: { color: labelColor, strokeColor: stroke } };
    // Too many edges to label them all: label the highlighted ones only.
    if (!layout.edgeLabels) style.label = mode === "focus" ? relationText(e.rel) : "";
    return style;
  }

  function parallelSmooth() {
    // Several relations between the same two entities: fan them out as curves.
    const groups = new Map();
    for (const e of data.edges) {
      const key = Math.min(e.from, e.to) + "-" + Math.max(e.from, e.to);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(e);
    }
    const smooth = new Map();
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      group.forEach((e, i) => {
        if (i === 0 && group.length % 2 === 1) return;  // odd count: the middle one stays straight
        const k = group.length % 2 === 1 ? i : i + 1;
        const side = k % 2 === 1;
        const flip = e.from > e.to;  // the same side on screen whatever the direction
        smooth.set(e.id, { enabled: true, type: side !== flip ? "curvedCW" : "curvedCCW",
                           roundness: 0.22 * Math.ceil(k / 2) });
      });
    }
    return smooth;
  }

  const layout = data.layout;
  const smooth = parallelSmooth();
  const visNodes = data.nodes.map((n) => Object.assign(
    { id: n.id, label: n.label, size: n.size, x: n.x, y: n.y }, nodeStyle(n, false)));
  const visEdges = data.edges.map((e) => {
    const r = relations.get(e.rel);
    return Object.assign({
      id: e.id, from: e.from, to: e.to,
      label: layout.edgeLabels ? relationText(e.rel) : undefined,
      arrows: { to: { enabled: !!(r && r.directed), scaleFactor: 0.55 } },
      smooth: smooth.get(e.id) || false,
    }, edgeStyle(e, "base"));
  });
  state.nodes = new vis.DataSet(visNodes);
  state.edges = new vis.DataSet(visEdges);

  const options = {
    autoResize: true,
    layout: layout.layout,
    physics: layout.physics,
    nodes: {
      shape: "dot",
      borderWidth: 1.5,
      borderWidthSelected: 3,
      font: { face: FONT, size: 14, strokeWidth: 4, strokeColor: "#ffffff" },
    },
    edges: {
      width: 1.2,
      selectionWidth: 1.5,
      hoverWidth: 0.8,
      font: { face: FONT, size: 12, align: "horizontal", strokeWidth: 4 },
      smooth: false,
    },
    interaction: {
      hover: true,
      tooltipDelay: 3600000,  // tooltips are drawn by this script (see showTooltip)
      hideEdgesOnDrag: layout.interaction.hideEdgesOnDrag,
      hideEdgesOnZoom: layout.interaction.hideEdgesOnZoom,
      keyboard: false,
      multiselect: false,
    },
  };

  // ------------------------------------------------------------------ highlight

  let dimmed = false;

  function highlight(nodeIds, edgeIds) {
    const keepNodes = new Set(nodeIds);
    const keepEdges = new Set(edgeIds);
    state.nodes.update(data.nodes.map((n) => Object.assign({ id: n.id }, nodeStyle(n, !keepNodes.has(n.id)))));
    state.edges.update(data.edges.map((e) => Object.assign({ id: e.id },
      edgeStyle(e, keepEdges.has(e.id) ? "focus" : "dim"))));
    dimmed = true;
  }

  function highlightNode(id) {
    const edges = incident.get(id) || [];
    const ids = new Set([id]);
    for (const e of edges) { ids.add(e.from); ids.add(e.to); }
    highlight(ids, edges.map((e) => e.id));
  }

  function clearHighlight() {
    if (!dimmed) return;
    state.nodes.update(data.nodes.map((n) => Object.assign({ id: n.id }, nodeStyle(n, false))));
    state.edges.update(data.edges.map((e) => Object.assign({ id: e.id }, edgeStyle(e, "base"))));
    dimmed = false;
  }

  // ---------------------------------------------------------------------- panel

  function evidenceBlock(ev) {
    const box = el("div", "evidence");
    box.appendChild(el("blockquote", null, data.sentences[ev.s] || "（无证据句 no sentence）"));
    const meta = el("div", "meta");
    const docs = (ev.d || []).map((i) => data.documents[i]);
    if (docs.length) meta.appendChild(el("span", "source", "来源 " + docs.join("、")));
    if (ev.m) meta.appendChild(el("span", "method", "方法 " + (METHOD_ZH[ev.m] ? METHOD_ZH[ev.m] + " " : "") + ev.m));
    // The rule that found it (cj:rule); graphs built before rules had ids say so with "—".
    const rule = el("span", "rule", "规则 " + (ev.r || "—"));
    rule.title = ev.r ? "cj:rule " + ev.r : "no cj:rule in the graph";
    meta.appendChild(rule);
    if (ev.a !== undefined) meta.appendChild(el("span", "amount", "金额 " + formatAmount(ev.a, ev.c)));
    if (ev.t) meta.appendChild(el("span", "date", "日期 " + ev.t));
    if (ev.j) meta.appendChild(el("span", "title", "职务 " + ev.j));
    box.appendChild(meta);
    return box;
  }

  function entityLink(id) {
    const n = nodeById.get(id);
    const link = el("button", "link", n.label);
    link.type = "button";
    link.title = classOf(n).zh + " · " + classOf(n).en;
    link.addEventListener("click", () => selectEntity(id));
    return link;
  }

  /** One relation with its evidence: "S  relation →  O", the entity the panel is about not a link. */
  function relationItem(e, selfId) {
    const item = el("li");
    const head = el("div", "rel-head");
    const r = relations.get(e.rel) || { zh: e.rel, en: e.rel };
    const end = (id) => (id === selfId ? el("span", "self", nodeById.get(id).label) : entityLink(id));
    const name = el("span", "rel-name", r.zh);
    name.title = r.en + " (cj:" + e.rel + ")";
    head.append(end(e.from), name, el("span", "en", r.en), el("span", "rel-dir", arrowFor(e)), end(e.to));
    item.appendChild(head);
    if (!e.ev.length) item.appendChild(el("div", "evidence", "（无关系提及 no relation mention）"));
    for (const ev of e.ev) item.appendChild(evidenceBlock(ev));
    return item;
  }

  function facts(pairs) {
    const dl = el("dl", "facts");
    for (const [key, value] of pairs) {
      if (value === undefined || value === null || value === "") continue;
      dl.append(el("dt", null, key), el("dd", null, value));
    }
    return dl;
  }

  function showPanel(build) {
    const body = $("panel-body");
    clear(body);
    build(body);
    $("panel").hidden = false;
    $("panel").scrollTop = 0;
  }

  function showNodePanel(id) {
    const n = nodeById.get(id);
    const c = classOf(n);
    showPanel((body) => {
      body.appendChild(el("h2", "entity-name", n.label));
      const chip = el("span", "chip", c.zh + " · " + c.en);
      chip.style.background = c.color;
      body.appendChild(chip);
      const rels = incident.get(id) || [];
      body.appendChild(facts([
        ["别名", (n.alias || []).join("、")],
        ["职务", (n.job || []).join("、")],
        ["关系", rels.length === n.deg ? String(n.deg) : rels.length + "（图中共 " + n.deg + "）"],
      ]));
      body.appendChild(el("div", "iri", n.iri));
      body.appendChild(el("h3", null, "关系与证据 Relations and evidence"));
      const list = el("ul", "rel-list");
      const other = (e) => nodeById.get(e.from === id ? e.to : e.from).label;
      const sorted = rels.slice().sort((a, b) =>
        relationOrder.get(a.rel) - relationOrder.get(b.rel) || other(a).localeCompare(other(b), "zh"));
      for (const e of sorted) list.appendChild(relationItem(e, id));
      if (!rels.length) list.appendChild(el("li", null, "（没有关系 no relations）"));
      body.appendChild(list);
    });
  }

  function showEdgePanel(id) {
    const e = edgeById.get(id);
    const r = relations.get(e.rel) || { zh: e.rel, en: e.rel };
    showPanel((body) => {
      body.appendChild(el("h2", null, r.zh + " · " + r.en));
      body.appendChild(el("div", "iri", "cj:" + e.rel + (r.directed ? "" : "（对称 symmetric）")));
      const list = el("ul", "rel-list");
      list.appendChild(relationItem(e));
      body.appendChild(list);
    });
  }

  // -------------------------------------------------------------------- tooltip

  function clip(text, max) {
    return text.length > max ? text.slice(0, max - 1) + "…" : text;
  }

  function nodeTooltip(n) {
    const box = document.createDocumentFragment();
    const c = classOf(n);
    box.append(el("div", "tt-title", n.label), el("div", "tt-sub", c.zh + " · " + c.en));
    if (n.alias) box.appendChild(el("div", null, "别名：" + n.alias.join("、")));
    if (n.job) box.appendChild(el("div", null, "职务：" + n.job.join("、")));
    box.appendChild(el("div", "tt-meta", "关系 " + n.deg + " 条 · 点击查看证据"));
    return box;
  }

  function edgeTooltip(e) {
    const box = document.createDocumentFragment();
    const r = relations.get(e.rel) || { zh: e.rel, en: e.rel };
    box.append(
      el("div", "tt-title", nodeById.get(e.from).label + " " + arrowFor(e) + " " + nodeById.get(e.to).label),
      el("div", "tt-sub", r.zh + " · " + r.en + " (cj:" + e.rel + ")"));
    for (const ev of e.ev.slice(0, 2)) {
      box.appendChild(el("div", "tt-ev", clip(data.sentences[ev.s] || "", 140)));
      const bits = [];
      const docs = (ev.d || []).map((i) => data.documents[i]);
      if (docs.length) bits.push("来源 " + docs.join("、"));
      if (ev.m) bits.push("方法 " + ev.m);
      if (ev.r) bits.push("规则 " + ev.r);
      if (ev.a !== undefined) bits.push("金额 " + formatAmount(ev.a, ev.c));
      if (ev.t) bits.push("日期 " + ev.t);
      box.appendChild(el("div", "tt-meta", bits.join(" · ")));
    }
    if (e.ev.length > 2) box.appendChild(el("div", "tt-meta", "另有 " + (e.ev.length - 2) + " 条证据 · 点击查看"));
    return box;
  }

  function showTooltip(content, pointer) {
    const tip = $("tooltip");
    clear(tip);
    tip.appendChild(content);
    tip.hidden = false;
    const stage = $("stage").getBoundingClientRect();
    const w = tip.offsetWidth, h = tip.offsetHeight;
    let x = pointer.x + 16, y = pointer.y + 16;
    if (x + w > stage.width - 8) x = Math.max(8, pointer.x - w - 16);
    if (y + h > stage.height - 8) y = Math.max(8, pointer.y - h - 16);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }

  function hideTooltip() {
    $("tooltip").hidden = true;
  }

  // --------------------------------------------------------------------- search

  const norm = (s) => String(s).normalize("NFKC").replace(/\s+/g, "").toLowerCase();
  const searchIndex = data.nodes.map((n) => ({
    id: n.id, deg: n.deg,
    keys: [[n.label, norm(n.label), false]].concat((n.alias || []).map((a) => [a, norm(a), true])),
  }));

  /** Entities whose label or alias contains the query: exact, then prefix, then inside. */
  function search(query, limit) {
    const q = norm(query);
    if (!q) return [];
    const hits = [];
    for (const entry of searchIndex) {
      let best = null;
      for (const [text, key, isAlias] of entry.keys) {
        const pos = key.indexOf(q);
        if (pos < 0) continue;
        const rank = (key === q ? 0 : pos === 0 ? 2 : 4) + (isAlias ? 1 : 0);
        if (!best || rank < best.rank) best = { id: entry.id, rank: rank, via: isAlias ? text : null, deg: entry.deg };
      }
      if (best) hits.push(best);
    }
    hits.sort((a, b) => a.rank - b.rank || b.deg - a.deg || a.id - b.id);
    return hits.slice(0, limit || 12);
  }
  state.search = search;
  state.relationsByName = relations;

  let results = [];
  let active = -1;

  function renderResults() {
    const list = $("search-results");
    clear(list);
    const query = $("search").value;
    if (!norm(query)) { list.hidden = true; return; }
    if (!results.length) {
      list.appendChild(el("li", "empty", "没有找到 no match"));
    }
    results.forEach((hit, i) => {
      const n = nodeById.get(hit.id);
      const item = el("li");
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", i === active ? "true" : "false");
      item.dataset.id = String(hit.id);
      const swatch = el("span", "swatch");
      swatch.style.cssText = "width:10px;height:10px;border-radius:50%;flex:none;background:" + classOf(n).color;
      item.append(swatch, el("span", "hit-label", n.label), el("span", "via", classOf(n).zh));
      if (hit.via) item.appendChild(el("span", "via", "别名 " + hit.via));
      item.addEventListener("mousedown", (ev) => { ev.preventDefault(); choose(hit.id); });
      list.appendChild(item);
    });
    list.hidden = false;
  }

  function choose(id) {
    $("search-results").hidden = true;
    $("search").blur();
    selectEntity(id);
  }

  $("search").addEventListener("input", () => {
    results = search($("search").value);
    active = results.length ? 0 : -1;
    renderResults();
  });
  $("search").addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!results.length) return;
      active = (active + (ev.key === "ArrowDown" ? 1 : results.length - 1)) % results.length;
      renderResults();
      ev.preventDefault();
    } else if (ev.key === "Enter") {
      if (results.length) choose(results[Math.max(active, 0)].id);
      ev.preventDefault();
    } else if (ev.key === "Escape") {
      $("search-results").hidden = true;
    }
  });
  $("search").addEventListener("blur", () => { $("search-results").hidden = true; });
  $("search").addEventListener("focus", () => { if (results.length) renderResults(); });
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "/" && document.activeElement !== $("search")) { ev.preventDefault(); $("search").focus(); }
  });

  // -------------------------------------------------------------------- filters

  const hiddenClasses = new Set();
  const hiddenRelations = new Set();
  const timeHiddenEdges = new Set();  // edges outside the year range (see the year filter below)
  const timeHiddenNodes = new Set();  // entities all of whose relations are outside it

  function note(text) {
    const p = $("filter-note");
    p.textContent = text || "";
    p.hidden = !text;
  }

  function visibleNodeCount(hidden) {
    let count = 0;
    for (const n of data.nodes) if (!hidden.has(n.cls) && !timeHiddenNodes.has(n.id)) count++;
    return count;
  }

  function applyFilters() {
    const nodeHidden = (id) => hiddenClasses.has(nodeById.get(id).cls) || timeHiddenNodes.has(id);
    state.nodes.update(data.nodes.map((n) => ({ id: n.id, hidden: nodeHidden(n.id) })));
    state.edges.update(data.edges.map((e) => ({
      id: e.id, hidden: hiddenRelations.has(e.rel) || timeHiddenEdges.has(e.id) || nodeHidden(e.from) || nodeHidden(e.to) })));
    for (const box of document.querySelectorAll("#class-filters input")) box.checked = !hiddenClasses.has(box.value);
    for (const box of document.querySelectorAll("#relation-filters input")) box.checked = !hiddenRelations.has(box.value);
    updateStats();
  }

  function filterRow(value, swatchColor, arrow, zh, en, count, onChange) {
    const item = el("li");
    const label = el("label");
    const box = el("input");
    box.type = "checkbox";
    box.value = value;
    box.checked = true;
    box.addEventListener("change", () => onChange(box));
    label.appendChild(box);
    if (swatchColor) {
      const swatch = el("span", "swatch");
      swatch.style.background = swatchColor;
      label.appendChild(swatch);
    } else {
      label.appendChild(el("span", "arrow", arrow));
    }
    const name = el("span", "name", zh + " ");
    name.appendChild(el("span", "en", en));
    label.append(name, el("span", "count", count));
    label.title = en + " (cj:" + value + ")";
    item.appendChild(label);
    return item;
  }

  for (const c of data.classes) {
    $("class-filters").appendChild(filterRow(c.name, c.color, null, c.zh, c.en, c.count, (box) => {
      if (!box.checked) {
        const next = new Set(hiddenClasses).add(c.name);
        if (visibleNodeCount(next) === 0) {
          box.checked = true;  // never blank the graph
          note("至少保留一个类别可见 · at least one class stays visible");
          return;
        }
        hiddenClasses.add(c.name);
      } else {
        hiddenClasses.delete(c.name);
      }
      note("");
      applyFilters();
    }));
  }
  for (const r of data.relations) {
    $("relation-filters").appendChild(filterRow(r.name, null, r.directed ? "→" : "↔", r.zh, r.en, r.count, (box) => {
      if (box.checked) hiddenRelations.delete(r.name); else hiddenRelations.add(r.name);
      note("");
      applyFilters();
    }));
  }
  $("btn-all").addEventListener("click", () => {
    hiddenClasses.clear();
    hiddenRelations.clear();
    note("");
    applyFilters();
  });

  // ---------------------------------------------------------------- year filter
  // data.time.edges gives the years each edge is placed in (its sentences' own dates, else
  // its articles' dates). An edge none of whose years lies in the chosen range is hidden,
  // and so is an entity all of whose relations are; undated edges stay. A range that would
  // hide every relation, or every entity left by the class filters, is refused.

  const time = data.time || { range: null, edges: {} };
  const years = { from: null, to: null };

  function timeSplit(from, to) {
    const edges = new Set();
    const nodes = new Set();
    for (const e of data.edges) {
      const list = time.edges[e.id];
      if (list && !list.some((y) => y >= from && y <= to)) edges.add(e.id);
    }
    for (const n of data.nodes) {
      const list = incident.get(n.id) || [];
      if (list.length && list.every((e) => edges.has(e.id))) nodes.add(n.id);
    }
    return { edges: edges, nodes: nodes };
  }

  function showYears() {
    $("year-from").value = String(years.from);
    $("year-to").value = String(years.to);
    $("year-label").textContent = years.from === years.to ? String(years.from) : years.from + "–" + years.to;
  }

  /** Show only the facts of the years from..to; returns false (and changes nothing) if that would blank the graph. */
  function setYears(from, to) {
    if (!time.range) return false;
    from = Math.max(time.range[0], Math.min(from, time.range[1]));
    to = Math.max(from, Math.min(to, time.range[1]));
    const split = timeSplit(from, to);
    let nodesLeft = 0;
    for (const n of data.nodes) if (!hiddenClasses.has(n.cls) && !split.nodes.has(n.id)) nodesLeft++;
    if ((data.edges.length && split.edges.size === data.edges.length) || nodesLeft === 0) {
      showYears();  // put the sliders back where they were
      note("该年份范围内没有关系 · no relations in " + from + "–" + to + "; the graph stays as it was");
      return false;
    }
    years.from = from;
    years.to = to;
    timeHiddenEdges.clear();
    timeHiddenNodes.clear();
    split.edges.forEach((id) => timeHiddenEdges.add(id));
    split.nodes.forEach((id) => timeHiddenNodes.add(id));
    note("");
    showYears();
    applyFilters();
    return true;
  }

  function resetYears() {
    if (!time.range) return;
    years.from = time.range[0];
    years.to = time.range[1];
    timeHiddenEdges.clear();
    timeHiddenNodes.clear();
    showYears();
  }

  if (time.range) {
    for (const id of ["year-from", "year-to"]) {
      $(id).min = String(time.range[0]);
      $(id).max = String(time.range[1]);
    }
    resetYears();
    $("time-filter").hidden = false;
    $("year-from").addEventListener("input", () => {
      const from = Number($("year-from").value);
      setYears(from, Math.max(from, years.to));
    });
    $("year-to").addEventListener("input", () => {
      const to = Number($("year-to").value);
      setYears(Math.min(years.from, to), to);
    });
    $("btn-all").addEventListener("click", () => { resetYears(); applyFilters(); });
  }
  state.setYears = setYears;
  state.years = years;

  function updateStats() {
    let nodes = 0, edges = 0;
    const shown = (id) => !hiddenClasses.has(nodeById.get(id).cls) && !timeHiddenNodes.has(id);
    for (const n of data.nodes) if (shown(n.id)) nodes++;
    for (const e of data.edges) {
      if (!hiddenRelations.has(e.rel) && !timeHiddenEdges.has(e.id) && shown(e.from) && shown(e.to)) edges++;
    }
    const m = data.meta;
    let text = "实体 " + nodes + " / " + m.totalEntities + " · 关系 " + edges + " / " + m.totalEdges;
    if (m.focus.length) text += " · 以 " + m.focus.map((id) => nodeById.get(id).label).join("、") + " 为中心 " + m.depth + " 层";
    if (m.truncated && m.maxNodes) text += " · 仅显示连接最多的 " + m.maxNodes + " 个（其余：kg html out/store --focus 名称）";
    if (time.range && (years.from !== time.range[0] || years.to !== time.range[1])) {
      text += " · " + (years.from === years.to ? years.from : years.from + "–" + years.to) + " 年";
    }
    $("stats").textContent = text;
  }

  // ---------------------------------------------------------------- selection

  function selectEntity(id) {
    const n = nodeById.get(id);
    if (!n) return;
    if (hiddenClasses.has(n.cls) || timeHiddenNodes.has(n.id)) {  // a search result is never left hidden
      hiddenClasses.delete(n.cls);
      if (timeHiddenNodes.has(n.id)) resetYears();
      applyFilters();
    }
    state.selected = { node: id };
    state.network.selectNodes([id]);
    highlightNode(id);
    showNodePanel(id);
    const scale = Math.max(state.network.getScale(), 1.0);
    state.network.focus(id, { scale: scale, offset: { x: visibleCentreOffset(), y: 0 },
                              animation: { duration: 450, easingFunction: "easeInOutQuad" } });
  }
  state.selectEntity = selectEntity;

  /** Horizontal offset from the canvas centre to the middle of the part not covered by legend and panel. */
  function visibleCentreOffset() {
    const stage = $("stage").getBoundingClientRect();
    const legend = $("legend").hidden ? null : $("legend").getBoundingClientRect();
    const panel = $("panel").hidden ? null : $("panel").getBoundingClientRect();
    const left = legend ? legend.right - stage.left : 0;
    const right = panel ? panel.left - stage.left : stage.width;
    return right > left + 120 ? (left + right) / 2 - stage.width / 2 : 0;
  }

  function clearSelection() {
    state.selected = null;
    state.network.unselectAll();
    clearHighlight();
    $("panel").hidden = true;
  }

  $("panel-close").addEventListener("click", clearSelection);
  $("btn-fit").addEventListener("click", () => state.network.fit({ animation: { duration: 400 } }));
  $("btn-legend").addEventListener("click", () => {
    const legend = $("legend");
    legend.hidden = !legend.hidden;
    $("btn-legend").setAttribute("aria-expanded", String(!legend.hidden));
  });

  // ------------------------------------------------------------------- network

  updateStats();
  if (!data.nodes.length) {
    $("progress-text").textContent = "图中没有实体 · the graph has no entities";
    $("progress-bar").hidden = true;
    state.ready = true;
    state.settleMs = 0;
    return;
  }

  state.timings = { prepareMs: Math.round(performance.now() - t0) };
  const network = new vis.Network($("graph"), { nodes: state.nodes, edges: state.edges }, options);
  state.network = network;
  state.timings.networkMs = Math.round(performance.now() - t0);

  let settled = false;
  function settle() {
    if (settled) return;
    settled = true;
    network.setOptions({ physics: { enabled: false } });  // stop the simulation: dragging stays fluid
    state.settleMs = Math.round(performance.now() - t0);
    state.loadMs = Math.round(performance.now());
    $("progress").hidden = true;
    syncArrows();
    state.ready = true;
    document.body.dataset.ready = "true";
    if (data.meta.focus.length) selectEntity(data.meta.focus[0]);
  }
  // Arrowheads (directed relations only) are drawn from a zoom level on; on a small graph always.
  let arrowsShown = true;
  function syncArrows() {
    const want = network.getScale() >= layout.arrowsMinScale;
    if (want === arrowsShown) return;
    arrowsShown = want;
    state.edges.update(data.edges.map((e) => {
      const r = relations.get(e.rel);
      return { id: e.id, arrows: { to: { enabled: want && !!(r && r.directed), scaleFactor: 0.55 } } };
    }));
  }
  state.syncArrows = syncArrows;
  network.on("zoom", syncArrows);
  network.on("animationFinished", syncArrows);

  network.on("stabilizationProgress", (p) => {
    $("progress-bar").firstElementChild.style.width = Math.round(100 * p.iterations / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", settle);
  network.once("stabilized", settle);

  $("btn-layout").addEventListener("click", () => {
    network.setOptions({ physics: { enabled: true } });
    network.stabilize(layout.physics.stabilization.iterations);
    network.once("stabilizationIterationsDone", () => network.setOptions({ physics: { enabled: false } }));
  });

  network.on("click", (params) => {
    hideTooltip();
    if (params.nodes.length) {
      const id = params.nodes[0];
      state.selected = { node: id };
      highlightNode(id);
      showNodePanel(id);
    } else if (params.edges.length) {
      const e = edgeById.get(params.edges[0]);
      state.selected = { edge: e.id };
      highlight([e.from, e.to], [e.id]);
      showEdgePanel(e.id);
    } else {
      clearSelection();
    }
  });
  network.on("hoverNode", (p) => showTooltip(nodeTooltip(nodeById.get(p.node)), p.pointer.DOM));
  network.on("hoverEdge", (p) => showTooltip(edgeTooltip(edgeById.get(p.edge)), p.pointer.DOM));
  network.on("blurNode", hideTooltip);
  network.on("blurEdge", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);
})();
